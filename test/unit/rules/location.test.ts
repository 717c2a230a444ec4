// Location (LOC-01..03) and maps (MAP-01) rules.
import { describeRule } from './ruleCase';

const spec = (caps: string, o: { country?: string; functions?: string; groups?: string; extra?: string } = {}) => `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: development
  functions: [${o.functions ?? 'fn.location'}]
  ui_languages: [ar]
  consent_languages: [ar]
markets:
  - country: ${o.country ?? 'SDN'}
    languages: [ar]
user_groups: ${o.groups ?? '[ug.general]'}
capabilities:
${caps}${o.extra ?? ''}`;

describeRule({
  id: 'LOC-01',
  fires: { name: 'distance shown', text: spec('  location:\n    proximity: true\n'), severity: 'high', at: 'true' },
  also: [
    {
      name: 'LGBTQ users criminalised in the market',
      text: spec('  location:\n    proximity: true\n', { country: 'EGY', groups: '\n  - id: ug.lgbtq\n    criminalised_in: [EG]' }),
      severity: 'blocker',
      at: 'true',
      message: /criminalised in EG/,
    },
  ],
  silent: [
    { name: 'no proximity', text: spec('  location:\n    proximity: false\n') },
  ],
});

describeRule({
  id: 'LOC-02',
  fires: { name: 'location shared by default', text: spec('  location:\n    sharing_default: "on"\n', { country: 'FRA' }), severity: 'high', at: '"on"', message: /Location sharing is on by default/ },
  also: [
    { name: 'GPS kept on photos, journalists in FCS', text: spec('  location:\n    exif_stripped: false\n', { groups: '[ug.journalists]' }), severity: 'blocker', at: 'false', message: /keeps its GPS metadata/ },
    // Each cause lands on its own key, whatever else the location block holds.
    { name: 'sharing on, listed after harmless keys', text: spec('  location:\n    exif_stripped: true\n    public_geotags_default: false\n    sharing_default: "on"\n', { country: 'FRA' }), severity: 'high', at: '"on"' },
    { name: 'public geotags', text: spec('  location:\n    sharing_default: "off"\n    public_geotags_default: true\n    exif_stripped: true\n', { country: 'FRA' }), severity: 'high', at: ['true', 'public_geotags_default:'], message: /geotagged publicly/ },
    { name: 'GPS kept, sharing off', text: spec('  location:\n    sharing_default: "off"\n    public_geotags_default: false\n    exif_stripped: false\n', { country: 'FRA' }), severity: 'high', at: ['false', 'exif_stripped:'], message: /keeps its GPS metadata/ },
    {
      name: 'photos collected, EXIF stripping not stated',
      // Lands on the first photos item's category, not on the data list.
      text: spec('  location:\n    sharing_default: "off"\n    public_geotags_default: false\n', { country: 'FRA', extra: 'data:\n  - name: phone\n    category: contact\n  - name: pics\n    category: photos_media\n  - name: clips\n    category: photos_media\n' }),
      severity: 'high',
      at: 'photos_media',
      message: /keeps its GPS metadata/,
    },
  ],
  silent: [{ name: 'off by default, EXIF stripped', text: spec('  location:\n    sharing_default: "off"\n    exif_stripped: true\n    public_geotags_default: false\n') }],
});

describeRule({
  id: 'LOC-03',
  fires: { name: 'live location without a regional flag', text: spec('  location:\n    live_sharing: true\n'), severity: 'high', at: 'true', message: /Live location sharing/ },
  also: [
    {
      name: 'live traffic with displaced people in scope',
      text: spec('  maps:\n    live_traffic: true\n', { functions: 'fn.maps', groups: '[ug.displaced]' }),
      severity: 'blocker',
      at: 'true',
      message: /live traffic/,
    },
    // Each cause lands on the capability that is live, not on a harmless key before it.
    {
      name: 'live traffic, live location off',
      text: spec('  location:\n    live_sharing: false\n  maps:\n    live_traffic: true\n', { functions: 'fn.maps' }),
      severity: 'high',
      at: ['true', 'live_traffic:'],
      message: /live traffic/,
    },
    { name: 'live location, empty region flag', text: spec('  location:\n    region_flag_key:\n    live_sharing: true\n  maps:\n    live_traffic: false\n'), severity: 'high', at: ['true', 'live_sharing:'], message: /Live location sharing/ },
  ],
  silent: [{ name: 'region flag present', text: spec('  location:\n    live_sharing: true\n    region_flag_key: loc.live_off\n') }],
});

describeRule({
  id: 'MAP-01',
  fires: { name: 'crowdsourced checkpoints', text: spec('  maps:\n    crowdsourced_layers: [checkpoints, other]\n', { functions: 'fn.maps' }), severity: 'high', at: 'crowdsourced_layers', message: /map checkpoints in SDN/ },
  silent: [{ name: 'only other layers', text: spec('  maps:\n    crowdsourced_layers: [other]\n', { functions: 'fn.maps' }) }],
});
