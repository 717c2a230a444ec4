// Headings the linter recognises, per language. A heading matches a section when any of its
// phrases occurs in the folded heading text (so "3.2 Conflict & context analysis" matches).
// `role` says what a recognised section does:
//   block  - addresses a spec block (see FILLS in sections.ts for what it fills in the model);
//   skip   - capability mentions inside are not inferred (non-goals, research, glossary…).
import type { PhraseTable } from './patterns';

export interface SectionDef {
  id: string;
  role: 'block' | 'skip';
  /** Spec block the section stands for (block sections only). */
  block?: string;
  /** Human name used in messages. */
  name: string;
  phrases: PhraseTable;
}

export const SECTIONS: SectionDef[] = [
  {
    id: 'conflict_analysis',
    role: 'block',
    block: 'conflict_analysis',
    name: 'conflict analysis',
    phrases: {
      en: [`conflict (?:analysis|assessment|sensitivity|context)`, `(?:context|situation) analysis`, `conflict and context`, `do no harm`],
      fr: [`analyse (?:de|des|du) (?:conflit|conflits|contexte)`, `analyse contextuelle`, `sensibilite aux conflits`, `ne pas nuire`],
      es: [`analisis (?:de|del) (?:conflicto|conflictos|contexto)`, `sensibilidad al conflicto`, `accion sin dano`],
      pt: [`analise (?:de|do|dos) (?:conflito|conflitos|contexto)`, `sensibilidade (?:a|ao|aos) conflitos?`, `nao causar danos?`],
      ar: [`تحليل (?:النزاع|الصراع|السياق|النزاعات)`, `الحساسيه (?:للنزاع|للنزاعات|للصراع)`, `عدم الاضرار`],
    },
  },
  {
    id: 'engagements',
    role: 'block',
    block: 'engagements',
    name: 'community engagement',
    phrases: {
      en: [`(?:community|communities|stakeholder|stakeholders|civil society|cso) (?:engagement|consultation|consultations|input|participation)`, `consultation with (?:communities|civil society|local)`, `engagement with (?:communities|civil society|local)`, `civil society`, `community consultation`],
      fr: [`consultation (?:des|avec les|de la) (?:communautes|parties prenantes|societe civile|populations)`, `engagement (?:communautaire|des communautes|des parties prenantes)`, `societe civile`, `concertation`],
      es: [`(?:participacion|consulta|consultas) (?:comunitaria|comunitarias|con las comunidades|de las comunidades|con la sociedad civil|de actores|de partes interesadas)`, `sociedad civil`, `(?:participacion|involucramiento) de (?:la comunidad|las comunidades|partes interesadas)`],
      pt: [`(?:engajamento|envolvimento|consulta|participacao) (?:comunitario|comunitaria|das comunidades|com as comunidades|da sociedade civil|das partes interessadas)`, `sociedade civil`],
      ar: [`(?:اشراك|مشاركه) (?:المجتمع|المجتمعات|اصحاب المصلحه)`, `التشاور مع (?:المجتمع|المجتمعات|المجتمع المدني)`, `المجتمع المدني`],
    },
  },
  {
    id: 'harms',
    role: 'block',
    block: 'harms',
    name: 'harms',
    phrases: {
      en: [`harms|harm analysis|harm assessment|harms modelling|harms modeling|potential harm`, `human rights (?:impact|impacts|risks|due diligence)`],
      fr: [`prejudices|dommages potentiels|risques de prejudice`, `(?:impacts|risques) (?:sur les|pour les) droits (?:humains|de l'homme)`],
      es: [`danos|perjuicios`, `(?:impactos|riesgos) (?:en|sobre|para) (?:los )?derechos humanos`],
      pt: [`danos|prejuizos`, `(?:impactos|riscos) (?:em|sobre|para os) direitos humanos`],
      ar: [`الاضرار|الضرر|الاضرار المحتمله`, `(?:اثر|اثار|مخاطر) على حقوق الانسان`],
    },
  },
  {
    id: 'mitigations',
    role: 'block',
    block: 'mitigations',
    name: 'mitigations',
    phrases: {
      en: [`mitigation|mitigations|safeguards|risk mitigation`],
      fr: [`attenuation|mesures d'attenuation|garde fous|sauvegardes`],
      es: [`mitigacion|mitigaciones|salvaguardas|salvaguardias|medidas de mitigacion`],
      pt: [`mitigacao|mitigacoes|salvaguardas|medidas de mitigacao`],
      ar: [`التخفيف|تدابير التخفيف|الضمانات`],
    },
  },
  {
    id: 'kill_switch',
    role: 'block',
    block: 'kill_switch',
    name: 'kill switch',
    phrases: {
      en: [`kill ?switch|kill switches|off switch|emergency (?:shutdown|off|disable|disablement)|break glass`],
      fr: [`coupe circuit|interrupteur d'urgence|desactivation d'urgence|arret d'urgence|kill switch`],
      es: [`interruptor de emergencia|desactivacion de emergencia|apagado de emergencia|kill switch`],
      pt: [`interruptor de emergencia|desativacao de emergencia|desligamento de emergencia|kill switch`],
      ar: [`مفتاح (?:الايقاف|الطوارئ|الايقاف الطارئ)|الايقاف الطارئ|التعطيل الطارئ`],
    },
  },
  {
    id: 'grievance',
    role: 'block',
    block: 'grievance',
    name: 'grievance and remedy',
    phrases: {
      en: [`grievance|grievances|complaints|remedy|redress`],
      fr: [`plaintes|reclamations|recours|mecanisme de plainte`],
      es: [`quejas|reclamaciones|reclamos|mecanismo de quejas|reparacion`],
      pt: [`reclamacoes|queixas|mecanismo de queixas|reparacao`],
      ar: [`الشكاوى|التظلم|التظلمات|الانتصاف`],
    },
  },
  {
    id: 'moderation',
    role: 'block',
    block: 'moderation',
    name: 'moderation',
    phrases: {
      en: [`moderation|trust and safety|content policy|content review`],
      fr: [`moderation|confiance et securite|politique de contenu`],
      es: [`moderacion|confianza y seguridad|politica de contenidos?`],
      pt: [`moderacao|confianca e seguranca|politica de conteudo`],
      ar: [`الاشراف على المحتوى|مراجعه المحتوى|اداره المحتوى`],
    },
  },
  {
    id: 'data',
    role: 'block',
    block: 'data',
    name: 'data and privacy',
    phrases: {
      en: [`privacy|data (?:protection|privacy|handling|collection|retention|minimisation|minimization|inventory|sensitivity)|personal data`],
      fr: [`confidentialite|vie privee|(?:protection|collecte|conservation) des donnees|donnees personnelles`],
      es: [`privacidad|(?:proteccion|recopilacion|conservacion|tratamiento) de (?:los )?datos|datos personales`],
      pt: [`privacidade|(?:protecao|coleta|recolha|retencao|tratamento) de dados|dados pessoais`],
      ar: [`الخصوصيه|حمايه البيانات|البيانات الشخصيه|جمع البيانات`],
    },
  },
  {
    id: 'markets',
    role: 'block',
    block: 'markets',
    name: 'markets',
    phrases: {
      en: [`(?:target|launch|rollout) (?:markets|countries)|markets|countries|geographies|geography`],
      fr: [`marches|pays cibles|pays de lancement`],
      es: [`mercados|paises objetivo|paises de lanzamiento`],
      pt: [`mercados|paises alvo|paises de lancamento`],
      ar: [`الاسواق|الدول المستهدفه|البلدان المستهدفه`],
    },
  },
  {
    id: 'non_goals',
    role: 'skip',
    name: 'non-goals / out of scope',
    phrases: {
      en: [`non ?goals?|out of scope|not in scope|out of scope for|won't do|will not do|rejected (?:alternatives|options)|alternatives considered|considered alternatives`],
      fr: [`hors (?:perimetre|champ|du champ|de portee)|non objectifs?|ce que nous ne ferons pas|alternatives (?:rejetees|ecartees|envisagees)`],
      es: [`fuera (?:de|del) alcance|no objetivos?|lo que no haremos|alternativas (?:descartadas|consideradas)`],
      pt: [`fora (?:do|de) escopo|nao objetivos?|o que nao faremos|alternativas (?:descartadas|consideradas)`],
      ar: [`خارج النطاق|ليست من الاهداف|ما لن نفعله|البدائل المرفوضه`],
    },
  },
  {
    id: 'research',
    role: 'skip',
    name: 'research / competitive analysis',
    phrases: {
      en: [`(?:market|user|desk) research|research findings|competitive (?:analysis|landscape)|competitors?|prior art|literature review`],
      fr: [`etude de marche|recherche utilisateur|analyse concurrentielle|concurrents?|etat de l'art`],
      es: [`estudio de mercado|investigacion (?:de mercado|de usuarios)|analisis competitivo|competencia|competidores`],
      pt: [`(?:estudo|pesquisa) de mercado|pesquisa com usuarios|analise (?:competitiva|da concorrencia)|concorrentes?`],
      ar: [`دراسه السوق|ابحاث المستخدمين|تحليل المنافسين|المنافسون|المنافسين`],
    },
  },
  {
    id: 'reference',
    role: 'skip',
    name: 'glossary / references / history',
    phrases: {
      en: [`glossary|references|bibliography|changelog|revision history|change log|further reading`],
      fr: [`glossaire|references|bibliographie|historique des (?:modifications|revisions)`],
      es: [`glosario|referencias|bibliografia|historial de (?:cambios|revisiones)`],
      pt: [`glossario|referencias|bibliografia|historico de (?:alteracoes|revisoes)`],
      ar: [`المصطلحات|المراجع|سجل التغييرات`],
    },
  },
];
