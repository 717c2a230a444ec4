// The seed matrix: for each product function, the ways it typically causes harm in fragile
// and conflict-affected settings, which harm types follow, and who is most exposed. The
// assessment uses it to suggest matrix cells; the team confirms or dismisses each one in
// the spec's harms[] rows. Written as data so reviewers can read and extend it.

/** `everyone` stands for "every user group in scope". */
export type ExposedGroup = string | 'everyone';

export interface SeedMechanism {
  /** A short description of how the harm comes about. */
  mechanism: string;
  harms: string[];
  exposed: ExposedGroup[];
}

const MINORITIES = ['ug.minority_ethnic', 'ug.minority_religious', 'ug.minority_linguistic'];

export const SEED_MATRIX: Record<string, SeedMechanism[]> = {
  'fn.messaging': [
    {
      mechanism: 'Rumours spread fast through forwards and broadcasts and can precede attacks',
      harms: ['h.mis_disinformation', 'h.physical_violence'],
      exposed: ['ug.first_time_online', 'ug.low_literacy', ...MINORITIES],
    },
    {
      mechanism: 'Message metadata and group invites reveal who talks to whom and who belongs where',
      harms: ['h.surveillance_targeting'],
      exposed: ['ug.hrds_activists', 'ug.journalists', ...MINORITIES],
    },
  ],
  'fn.social_graph': [
    {
      mechanism: 'Contact discovery links identities people keep apart; visible friend lists map networks for reprisals',
      harms: ['h.surveillance_targeting', 'h.physical_violence'],
      exposed: ['ug.hrds_activists', 'ug.lgbtq', 'ug.criminalised_groups', 'ug.diaspora'],
    },
  ],
  'fn.location': [
    {
      mechanism: 'Distance and "nearby" features enable entrapment; geotags and live location reveal homes and movements',
      harms: ['h.physical_violence', 'h.legal_exposure', 'h.surveillance_targeting'],
      exposed: ['ug.lgbtq', 'ug.journalists', 'ug.displaced', 'ug.criminalised_groups'],
    },
  ],
  'fn.identity': [
    {
      mechanism: 'Real-name or ID requirements expose people or shut out those without papers; identity and biometric stores can be seized',
      harms: ['h.surveillance_targeting', 'h.exclusion_discrimination'],
      exposed: ['ug.displaced', 'ug.women_girls', 'ug.hrds_activists', 'ug.criminalised_groups'],
    },
  ],
  'fn.payments': [
    {
      mechanism: 'Transaction patterns reveal affiliation; KYC shuts people out; freezes and sanctions cut livelihoods',
      harms: ['h.economic', 'h.surveillance_targeting', 'h.exclusion_discrimination'],
      exposed: ['ug.displaced', 'ug.rural', 'ug.diaspora'],
    },
  ],
  'fn.ranking': [
    {
      mechanism: 'Optimising for engagement lifts divisive content; group recommendations help mobilisation; ads can target identity',
      harms: ['h.polarization_hate', 'h.physical_violence', 'h.mis_disinformation'],
      exposed: [...MINORITIES, 'ug.general'],
    },
  ],
  'fn.moderation': [
    {
      mechanism: 'Gaps in local-language review; reporting that is unusable or weaponised; enforcement skewed against some groups; state takedown pressure',
      harms: ['h.polarization_hate', 'h.exclusion_discrimination', 'h.information_access'],
      exposed: [...MINORITIES, 'ug.journalists', 'ug.hrds_activists'],
    },
  ],
  'fn.maps': [
    {
      mechanism: 'Crowdsourced layers of police or people, heatmaps of sparse areas, and disputed boundaries and names',
      harms: ['h.physical_violence', 'h.surveillance_targeting', 'h.trust_erosion'],
      exposed: ['ug.general', 'ug.hrds_activists', 'ug.humanitarian_workers', 'ug.displaced'],
    },
  ],
  'fn.ml_classification': [
    {
      mechanism: 'Profiling and face recognition repurposed for targeting; errors that fall harder on some groups',
      harms: ['h.surveillance_targeting', 'h.exclusion_discrimination'],
      exposed: [...MINORITIES, 'ug.displaced'],
    },
  ],
  'fn.connectivity': [
    {
      mechanism: 'Shutdowns and throttling cut people off; zero-rating narrows what information people see',
      harms: ['h.information_access', 'h.trust_erosion'],
      exposed: ['ug.rural', 'ug.low_connectivity', 'everyone'],
    },
  ],
  'fn.public_data': [
    {
      mechanism: 'Aggregates and open datasets re-identify small groups or reveal sensitive sites',
      harms: ['h.surveillance_targeting', 'h.physical_violence'],
      exposed: [...MINORITIES, 'ug.displaced', 'ug.humanitarian_workers'],
    },
  ],
  'fn.data_collection': [
    {
      mechanism: 'Collecting more than needed, keeping it longer than the regime lasts, and leaking it through third-party SDKs',
      harms: ['h.surveillance_targeting', 'h.legal_exposure'],
      exposed: ['everyone'],
    },
  ],
};

export interface Seed {
  group: string;
  harm: string;
  fn: string;
  mechanism: string;
}

/**
 * Seeded (group, harm, function) triples for a feature: each mechanism of each function,
 * for each exposed group that is in scope. With no groups in scope, the seed's own exposed
 * groups stand in (marked as not in scope by the caller).
 */
export function seedCells(functions: string[], groupsInScope: string[]): Seed[] {
  const out: Seed[] = [];
  const seen = new Set<string>();
  for (const fn of functions) {
    for (const m of SEED_MATRIX[fn] ?? []) {
      const groups =
        groupsInScope.length === 0
          ? m.exposed.filter((g) => g !== 'everyone').slice(0, 3).concat(m.exposed.includes('everyone') ? ['ug.general'] : [])
          : m.exposed.includes('everyone')
            ? groupsInScope
            : m.exposed.filter((g) => groupsInScope.includes(g));
      for (const group of groups) {
        for (const harm of m.harms) {
          const k = `${group}|${harm}|${fn}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push({ group, harm, fn, mechanism: m.mechanism });
        }
      }
    }
  }
  return out;
}
