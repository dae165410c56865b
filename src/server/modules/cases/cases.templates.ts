import { labels } from '../../platform/labels';
import { amountInWords, yuanFigures } from '../../platform/rmb-capital';
import { FINES, type FineRule } from './cases.law';

/**
 * The written instruments of a case (劳动保障监察文书) as data: for each kind, its title and its
 * blocks in the order the official form lays them out — the issuing authority, the centred title,
 * the number, the addressee, the facts found, the legal basis with its articles, what is decided and
 * by when, the amount in figures and in capitals, the rights of review and litigation where the law
 * requires them (《劳动保障监察条例》第十九条), the place of the seal and the date, and the list of
 * the workers concerned. Pure: the facts come in, blocks go out; cases.docx.ts lays the blocks on
 * A4 in the GB/T 9704 style and cases.documents.ts gathers the facts and stores the file.
 *
 * Personal data: workers appear by name and amount only, never by phone or ID number; a person
 * fined (PEN-01) appears by name and role.
 */

export const DOCUMENT_KINDS = labels({
  order_to_correct: ['劳动保障监察责令改正指令书', 'Order to correct (pay by a deadline)'],
  handling_decision: ['劳动保障监察行政处理决定书', 'Administrative handling decision'],
  penalty_decision: ['行政处罚决定书', 'Administrative penalty decision'],
  compensation_order: ['劳动保障监察责令加付赔偿金决定书', 'Order to pay additional compensation'],
  not_accepted_notice: ['不予受理通知书', 'Notice of non-acceptance'],
  settlement_agreement: ['和解协议', 'Settlement agreement'],
  police_transfer: ['涉嫌犯罪案件移送书', 'Transfer of a suspected crime to the police'],
  referral_notice: ['仲裁、诉讼引导及法律援助告知书', 'Notice of referral to arbitration or the courts, and of legal aid'],
});
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_KEYS = Object.keys(DOCUMENT_KINDS) as DocumentKind[];
export const isDocumentKind = (k: string): k is DocumentKind => Object.hasOwn(DOCUMENT_KINDS, k);

/** A worker listed in a document: the name and the money, nothing else. */
export interface DocumentWorker {
  name: string;
  /** What verification found owed (the claim before any finding). */
  owedFen: number;
  recoveredFen: number;
  status: 'open' | 'paid' | 'moved';
  movedTo: string | null;
}

/** What a document states about its case, as it stood when the document was first written. */
export interface DocumentFacts {
  /** The issuing authority: the handling unit's name (「XX区人力资源和社会保障局」). */
  authority: string;
  caseNo: string;
  caseTitle: string;
  regionName: string;
  projectName: string | null;
  employer: { name: string; creditCode: string | null; legalRepName: string | null; address: string | null };
  /** The complainants' names (notices to the complainant are addressed to them). */
  complainants: string[];
  receivedOn: string;
  workers: DocumentWorker[];
  /** The order to correct the case issued, for the decisions that follow it. */
  order: { docNo: string; issuedOn: string; dueOn: string | null; amountFen: number | null } | null;
}

/** The record of case_documents a layout is made from. */
export interface DocumentRecord {
  kind: DocumentKind;
  docNo: string;
  issuedOn: string;
  dueOn: string | null;
  amountFen: number | null;
  /** What the recording action put there (reason, rule, rate …). */
  data: Record<string, unknown>;
}

export interface Column {
  title: string;
  align: 'left' | 'center' | 'right';
  /** Share of the text width, in percent. */
  width: number;
}

export type Block =
  /** 发文机关: the issuing authority's name, centred above the title. */
  | { type: 'authority'; text: string }
  /** 标题: centred, large. */
  | { type: 'title'; text: string }
  /** 文号: right-aligned under the title. */
  | { type: 'docNo'; text: string }
  /** 主送: the addressee, flush left, ending with 「：」. */
  | { type: 'addressee'; text: string }
  /** A labelled line (当事人：…, 统一社会信用代码：…). */
  | { type: 'field'; label: string; value: string }
  /** 正文: a paragraph indented two characters. */
  | { type: 'paragraph'; text: string }
  /** A heading inside the text (一、违法事实). */
  | { type: 'heading'; text: string }
  | { type: 'table'; title: string; columns: Column[]; rows: string[][]; footer: string[] | null }
  /** 落款: right-aligned, with room for the seal (印章) above the date. */
  | { type: 'signature'; lines: string[]; date: string }
  /** Small print at the foot (送达, copies). */
  | { type: 'note'; text: string };

export interface DocumentLayout {
  kind: DocumentKind;
  title: string;
  /** `<doc_no>.docx` */
  fileName: string;
  blocks: Block[];
}

// ---------------------------------------------------------------------------------------------
// Words of the law

const REG = '《保障农民工工资支付条例》';
const INSPECTION = '《劳动保障监察条例》';
const INSPECTION_RULES = '《关于实施〈劳动保障监察条例〉若干规定》（劳动和社会保障部令第25号）';
/**
 * 《中华人民共和国行政处罚法》(2021) 第六十七条 (pay within 15 days of service) and 第七十二条 (3 %
 * a day for late payment): the standard wording of every penalty decision, beyond RULES.md's list.
 */
const PENALTY_LAW = '《中华人民共和国行政处罚法》';

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Article numbers as the law writes them: 16 → 十六, 54 → 五十四, 276 → 二百七十六. */
export function articleNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`article ${n}`);
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  let out = h ? `${SMALL[h]}百` : '';
  if (t) out += h || t > 1 ? `${SMALL[t]}十` : '十';
  else if (h && u) out += '零';
  if (u) out += SMALL[u];
  return out;
}
const art = (n: number) => `第${articleNumeral(n)}条`;

/** Dates as official documents write them (GB/T 9704: Arabic numerals, 年月日 in full, no leading zero). */
export const dateZh = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const percent = (rate: number) => `${Math.round(rate * 10_000) / 100}%`;
const yuan = (fen: number) => yuanFigures(fen);

/** 监察条例 Art. 19: decisions tell the party of its right to 行政复议 (60 days) or 行政诉讼 (6 months). */
const reviewRights = (you: string, paper: string) =>
  `${you}如对本${paper}不服，可以在收到本${paper}之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。行政复议和行政诉讼期间，本${paper}不停止执行。`;

const FINE_ARTICLES: Record<FineRule, { law: string; article: number }> = {
  'PEN-01': { law: REG, article: 54 },
  'PEN-02': { law: REG, article: 55 },
  'PEN-03': { law: REG, article: 56 },
  'PEN-04': { law: REG, article: 57 },
  'PEN-06': { law: INSPECTION, article: 30 },
};

// ---------------------------------------------------------------------------------------------
// Pieces every layout shares

const unpaid = (w: DocumentWorker) => Math.max(0, w.owedFen - w.recoveredFen);
/** The workers whose claims this case still pursues (not moved to another procedure). */
const pursued = (f: DocumentFacts) => f.workers.filter((w) => w.status !== 'moved');
const sum = (ns: number[]) => ns.reduce((s, n) => s + n, 0);

/** 「东城建工集团有限公司在东城第一中学改扩建工程项目中」 */
const employerOn = (f: DocumentFacts, you = '你单位') => (f.projectName ? `${you}在${f.projectName}中` : you);

const workersOwedTable = (workers: DocumentWorker[], title = '附：涉及农民工及欠薪金额清单'): Block => ({
  type: 'table',
  title,
  columns: [
    { title: '序号', align: 'center', width: 10 },
    { title: '姓名', align: 'center', width: 22 },
    { title: '认定应付工资（元）', align: 'right', width: 24 },
    { title: '已支付（元）', align: 'right', width: 20 },
    { title: '尚欠（元）', align: 'right', width: 24 },
  ],
  rows: workers.map((w, i) => [String(i + 1), w.name, yuan(w.owedFen), yuan(w.recoveredFen), yuan(unpaid(w))]),
  footer: ['合计', `${workers.length}人`, yuan(sum(workers.map((w) => w.owedFen))), yuan(sum(workers.map((w) => w.recoveredFen))), yuan(sum(workers.map(unpaid)))],
});

const head = (f: DocumentFacts, kind: DocumentKind, docNo: string): Block[] => [
  { type: 'authority', text: f.authority },
  { type: 'title', text: DOCUMENT_KINDS[kind].zh },
  { type: 'docNo', text: docNo },
];

const seal = (f: DocumentFacts, d: DocumentRecord): Block => ({ type: 'signature', lines: [f.authority, '（印章）'], date: dateZh(d.issuedOn) });

const served = (to: string): Block => ({ type: 'note', text: `本文书一式两份，一份送达${to}，一份存档。` });

/** 「本局于2026年3月2日以东人社限付〔2026〕1号责令你单位于2026年3月9日前改正」 */
const orderRef = (f: DocumentFacts, who = '你单位') =>
  f.order ? `本局于${dateZh(f.order.issuedOn)}以${f.order.docNo}责令${who}${f.order.dueOn ? `于${dateZh(f.order.dueOn)}前` : '限期'}改正` : `本局已责令${who}限期改正`;

// ---------------------------------------------------------------------------------------------
// The templates, one per kind

type Template = (d: DocumentRecord, f: DocumentFacts) => Block[];

const REFUSAL_REASONS: Record<string, { fact: string; basis: string }> = {
  limitation: {
    fact: '你（们）反映的违法行为发生或者终了至今已超过二年',
    basis: `${INSPECTION}${art(20)}`,
  },
  no_employer_or_evidence: {
    fact: '投诉没有明确的被投诉用人单位，或者未能提供用人单位侵害你（们）劳动保障权益的基本事实和证据',
    basis: `${INSPECTION_RULES}${art(18)}`,
  },
  outside_scope: {
    fact: '投诉事项不属于劳动保障监察的职责范围或者本局的管辖范围',
    basis: `${INSPECTION}${art(13)}、${INSPECTION_RULES}${art(18)}`,
  },
};

const REFERRALS: Record<string, string> = {
  arbitration: `你（们）可以依法向有管辖权的劳动人事争议仲裁委员会申请仲裁（${REG}${art(10)}第一款）。`,
  court: `你（们）可以依法向有管辖权的人民法院提起诉讼（${REG}${art(10)}第一款）。`,
  other_department: `本局已将该事项转送有关部门依法处理，处理结果由该部门告知你（们）（${REG}${art(10)}第三款、${INSPECTION}${art(18)}第二款）。`,
};

/** A settlement's payment plan as its record keeps it (`data.installments`); anything malformed is left out. */
const installmentsOf = (data: Record<string, unknown>): { dueOn: string; amountFen: number }[] =>
  (Array.isArray(data.installments) ? data.installments : []).flatMap((x: unknown) => {
    const i = x as { dueOn?: unknown; amountFen?: unknown } | null;
    return i && typeof i.dueOn === 'string' && Number.isFinite(Number(i.amountFen)) ? [{ dueOn: i.dueOn, amountFen: Number(i.amountFen) }] : [];
  });

const complainantsOf = (f: DocumentFacts) => (f.complainants.length ? f.complainants.join('、') : '投诉人');
const workersPhrase = (f: DocumentFacts) => {
  const n = f.workers.length;
  if (n === 0) return '农民工';
  return n === 1 ? f.workers[0].name : `${f.workers[0].name}等${n}名农民工`;
};

const TEMPLATES: Record<DocumentKind, Template> = {
  /** 责令改正（限期支付）: 监察条例 Art. 18 ¶1 (二), Art. 26 (一); Reg. Arts. 3, 16. */
  order_to_correct: (d, f) => {
    const workers = pursued(f);
    const owed = sum(workers.map(unpaid));
    const ordered = d.amountFen ?? owed;
    return [
      ...head(f, d.kind, d.docNo),
      { type: 'addressee', text: `${f.employer.name}：` },
      {
        type: 'paragraph',
        text: `经查，${employerOn(f)}拖欠${workersPhrase(f)}工资（案件编号${f.caseNo}），截至${dateZh(d.issuedOn)}尚欠${amountInWords(owed)}（名单附后）。上述行为违反了${REG}${art(3)}、${art(16)}的规定。`,
      },
      {
        type: 'paragraph',
        text: `依据${INSPECTION}${art(18)}第一款第（二）项、${art(26)}第（一）项的规定，现责令你单位${d.dueOn ? `于${dateZh(d.dueOn)}前` : '限期'}改正上述违法行为，足额支付所拖欠的农民工工资${amountInWords(ordered)}，工资应当以货币形式支付给农民工本人（${REG}${art(11)}），并将改正情况书面报送本局。`,
      },
      {
        type: 'paragraph',
        text: `逾期不支付的，本局将依照${INSPECTION}${art(26)}的规定，责令你单位按应付金额百分之五十以上一倍以下的标准计算，向劳动者加付赔偿金，并依法申请人民法院强制执行（${REG}${art(42)}）；涉嫌拒不支付劳动报酬罪的，依照${REG}${art(41)}第二款的规定移送公安机关。`,
      },
      { type: 'paragraph', text: reviewRights('你单位', '指令书') },
      seal(f, d),
      workersOwedTable(workers),
      served('被责令单位'),
    ];
  },

  /** 行政处理决定: 监察条例 Art. 18 ¶1 (二), Art. 19 (statement heard, rights told), Art. 26. */
  handling_decision: (d, f) => {
    const workers = pursued(f);
    const decided = d.amountFen ?? sum(workers.map(unpaid));
    const facts = typeof d.data.facts === 'string' ? d.data.facts : null;
    return [
      ...head(f, d.kind, d.docNo),
      { type: 'field', label: '当事人', value: f.employer.name },
      ...(f.employer.creditCode ? [{ type: 'field', label: '统一社会信用代码', value: f.employer.creditCode } as Block] : []),
      ...(f.employer.legalRepName ? [{ type: 'field', label: '法定代表人', value: f.employer.legalRepName } as Block] : []),
      { type: 'heading', text: '一、违法事实' },
      { type: 'paragraph', text: facts ?? `经查，${employerOn(f)}拖欠${workersPhrase(f)}工资（案件编号${f.caseNo}），尚欠${amountInWords(sum(workers.map(unpaid)))}。${f.order ? `${orderRef(f)}，你单位逾期未改正。` : ''}` },
      { type: 'heading', text: '二、处理依据及决定' },
      {
        type: 'paragraph',
        text: `本局已依法听取你单位的陈述、申辩（${INSPECTION}${art(19)}）。依据${INSPECTION}${art(18)}第一款第（二）项、${art(26)}第（一）项及${REG}${art(16)}的规定，本局决定：责令你单位${d.dueOn ? `于${dateZh(d.dueOn)}前` : '限期'}向下列农民工支付所拖欠的工资共计${amountInWords(decided)}。`,
      },
      { type: 'heading', text: '三、履行及救济' },
      { type: 'paragraph', text: `逾期不履行本决定的，本局将依法申请人民法院强制执行（${REG}${art(42)}），并依照${INSPECTION}${art(30)}第一款第（三）项的规定处以罚款。${reviewRights('你单位', '决定')}` },
      seal(f, d),
      workersOwedTable(workers),
      served('当事人'),
    ];
  },

  /** 行政处罚: 监察条例 Art. 18 ¶1 (一), Art. 19; Reg. Arts. 54–57 or 监察条例 Art. 30 (PEN-01…04, 06). */
  penalty_decision: (d, f) => {
    const rule = d.data.ruleId as FineRule;
    const law = FINE_ARTICLES[rule];
    const person = d.data.party === 'individual';
    const you = person ? '你' : '你单位';
    const stoppage = FINES[rule].stoppage;
    const amount = d.amountFen ?? 0;
    const violation = typeof d.data.violation === 'string' ? d.data.violation : '';
    const parties: Block[] = person
      ? [
          { type: 'field', label: '当事人', value: String(d.data.personName ?? '') },
          { type: 'field', label: '职务', value: `${f.employer.name}${String(d.data.personRole ?? '')}` },
        ]
      : [
          { type: 'field', label: '当事人', value: f.employer.name },
          ...(f.employer.creditCode ? [{ type: 'field', label: '统一社会信用代码', value: f.employer.creditCode } as Block] : []),
          ...(f.employer.legalRepName ? [{ type: 'field', label: '法定代表人', value: f.employer.legalRepName } as Block] : []),
          ...(f.employer.address ? [{ type: 'field', label: '住所', value: f.employer.address } as Block] : []),
        ];
    const deadlinePassed = FINES[rule].correctionFirst ? `${orderRef(f, person ? f.employer.name : '你单位')}，逾期未改正。` : '';
    return [
      ...head(f, d.kind, d.docNo),
      ...parties,
      { type: 'heading', text: '一、违法事实及证据' },
      { type: 'paragraph', text: `本局在查处${f.caseTitle}（案件编号${f.caseNo}）中查明：${violation}${/[。；]$/.test(violation) ? '' : '。'}${deadlinePassed}` },
      { type: 'heading', text: '二、处罚依据及内容' },
      {
        type: 'paragraph',
        text: `本局已依法告知${you}拟作出行政处罚的事实、理由、依据及依法享有的陈述、申辩权利（${INSPECTION}${art(19)}）。上述行为违反了${law.law}的有关规定，依据${law.law}${art(law.article)}${person ? '（对法定代表人或者主要负责人、直接负责的主管人员和其他直接责任人员处以罚款）' : ''}及${INSPECTION}${art(18)}第一款第（一）项的规定，本局决定对${you}作出如下行政处罚：${stoppage ? '责令项目停工，并处' : ''}罚款${amountInWords(amount)}。`,
      },
      { type: 'heading', text: '三、履行方式、期限及救济途径' },
      {
        type: 'paragraph',
        text: `${you}应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款（${PENALTY_LAW}${art(67)}）。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款（${PENALTY_LAW}${art(72)}）。`,
      },
      { type: 'paragraph', text: `${reviewRights(you, '决定')}逾期不申请行政复议、不提起行政诉讼又不履行本决定的，本局将依法申请人民法院强制执行。` },
      seal(f, d),
      workersOwedTable(f.workers, '附：本案涉及农民工及欠薪金额清单'),
      served('当事人'),
    ];
  },

  /** 加付赔偿金 (PEN-05): 监察条例 Art. 26 — 50 %–100 % of the wages still unpaid when the order's time ran out. */
  compensation_order: (d, f) => {
    const lines = (Array.isArray(d.data.workers) ? d.data.workers : []) as { name: string; baseFen: number; compensationFen: number }[];
    const rate = Number(d.data.rate);
    const base = sum(lines.map((l) => l.baseFen));
    const total = d.amountFen ?? sum(lines.map((l) => l.compensationFen));
    return [
      ...head(f, d.kind, d.docNo),
      { type: 'addressee', text: `${f.employer.name}：` },
      {
        type: 'paragraph',
        text: `${orderRef(f)}，足额支付所拖欠的农民工工资。经查，你单位逾期未足额支付，至期限届满时仍拖欠下列农民工工资共计${amountInWords(base)}（案件编号${f.caseNo}）。`,
      },
      {
        type: 'paragraph',
        text: `依据${INSPECTION}${art(26)}第（一）项的规定，本局决定：责令你单位按逾期未支付工资数额的${percent(rate)}计算，${d.dueOn ? `于${dateZh(d.dueOn)}前` : '限期'}向下列劳动者本人加付赔偿金共计${amountInWords(total)}（明细附后）。加付赔偿金不免除你单位支付所拖欠工资的义务。`,
      },
      { type: 'paragraph', text: `逾期不履行本决定的，本局将依法申请人民法院强制执行，并依照${INSPECTION}${art(30)}第一款第（三）项的规定处以罚款。${reviewRights('你单位', '决定')}` },
      seal(f, d),
      {
        type: 'table',
        title: '附：加付赔偿金明细',
        columns: [
          { title: '序号', align: 'center', width: 10 },
          { title: '姓名', align: 'center', width: 24 },
          { title: '逾期未付工资（元）', align: 'right', width: 24 },
          { title: '比例', align: 'center', width: 14 },
          { title: '加付赔偿金（元）', align: 'right', width: 28 },
        ],
        rows: lines.map((l, i) => [String(i + 1), l.name, yuan(l.baseFen), percent(rate), yuan(l.compensationFen)]),
        footer: ['合计', `${lines.length}人`, yuan(base), '', yuan(total)],
      },
      served('被责令单位'),
    ];
  },

  /** CASE-01/02: 劳社部令25号 Art. 18 (accept or refuse in writing within 5 WD); 监察条例 Arts. 13, 20. */
  not_accepted_notice: (d, f) => {
    const reason = REFUSAL_REASONS[String(d.data.reason)] ?? REFUSAL_REASONS.outside_scope;
    const note = typeof d.data.note === 'string' && d.data.note.trim() ? `${d.data.note.trim().replace(/[。]$/, '')}。` : '';
    return [
      ...head(f, d.kind, d.docNo),
      { type: 'addressee', text: `${complainantsOf(f)}：` },
      { type: 'paragraph', text: `你（们）于${dateZh(f.receivedOn)}反映${f.employer.name}拖欠${workersPhrase(f)}工资一事（案件编号${f.caseNo}），本局已收悉。` },
      { type: 'paragraph', text: `经审查，${reason.fact}。${note}依据${reason.basis}的规定，本局决定不予受理。` },
      {
        type: 'paragraph',
        text: `你（们）也可以依法申请劳动人事争议调解、仲裁或者向人民法院提起诉讼（${REG}${art(10)}第一款），并可以向当地法律援助机构申请法律援助（${REG}${art(45)}）。${reviewRights('你（们）', '通知')}`,
      },
      seal(f, d),
      workersOwedTable(f.workers, '附：投诉所涉农民工及请求金额'),
      served('投诉人'),
    ];
  },

  /** 和解协议: the employer and the workers agree before the handling unit; pay into the worker's own account (Reg. Art. 11). */
  settlement_agreement: (d, f) => {
    const workers = pursued(f);
    const owed = d.amountFen ?? sum(workers.map(unpaid));
    const plan = installmentsOf(d.data);
    // 「二、甲方按以下期限分期支付：2026年3月10日前支付人民币…；2026年4月10日前支付人民币…。…」
    const payBy = plan.length
      ? `二、甲方按以下期限分期支付上述工资：${plan.map((x) => `${dateZh(x.dueOn)}前支付${amountInWords(x.amountFen)}`).join('；')}。每期工资以货币形式支付至乙方本人银行账户，不得以实物或者有价证券替代（${REG}${art(11)}）。`
      : `二、甲方${d.dueOn ? `于${dateZh(d.dueOn)}前` : '按约定期限'}将上述工资以货币形式足额支付至乙方本人银行账户，不得以实物或者有价证券替代（${REG}${art(11)}）。`;
    let cumulative = 0;
    const planTable: Block[] = plan.length
      ? [
          {
            type: 'table',
            title: '附：分期支付计划',
            columns: [
              { title: '期次', align: 'center', width: 12 },
              { title: '支付期限', align: 'center', width: 30 },
              { title: '本期金额（元）', align: 'right', width: 29 },
              { title: '累计金额（元）', align: 'right', width: 29 },
            ],
            rows: plan.map((x, i) => [`第${i + 1}期`, `${dateZh(x.dueOn)}前`, yuan(x.amountFen), yuan((cumulative += x.amountFen))]),
            footer: ['合计', `${plan.length}期`, yuan(sum(plan.map((x) => x.amountFen))), ''],
          },
        ]
      : [];
    return [
      { type: 'title', text: DOCUMENT_KINDS[d.kind].zh },
      { type: 'docNo', text: d.docNo },
      { type: 'field', label: '甲方（用人单位）', value: f.employer.name },
      ...(f.employer.creditCode ? [{ type: 'field', label: '统一社会信用代码', value: f.employer.creditCode } as Block] : []),
      { type: 'field', label: '乙方（农民工）', value: `${workersPhrase(f)}（名单附后）` },
      { type: 'field', label: '主持单位', value: f.authority },
      { type: 'paragraph', text: `甲、乙双方就${f.caseTitle}（案件编号${f.caseNo}），在${f.authority}主持下，本着平等自愿的原则，经协商一致，达成如下和解协议：` },
      { type: 'paragraph', text: `一、甲方确认尚欠乙方工资共计${amountInWords(owed)}，每人金额以所附清单为准。` },
      { type: 'paragraph', text: payBy },
      { type: 'paragraph', text: `三、甲方未按本协议履行的（任何一期逾期未足额支付的，视为未履行），乙方可以依法投诉、申请劳动争议仲裁或者提起诉讼，劳动保障监察机构依照${INSPECTION}${art(26)}的规定依法处理。` },
      { type: 'paragraph', text: '四、本协议自双方签字（盖章）之日起生效，一式三份，甲、乙双方及主持单位各执一份。' },
      { type: 'signature', lines: ['甲方（盖章）：', '乙方（签字）：', `主持单位：${f.authority}（印章）`], date: dateZh(d.issuedOn) },
      ...planTable,
      workersOwedTable(workers, '附：乙方名单及金额'),
    ];
  },

  /** CRM-02: Reg. Art. 41 ¶2, 监察条例 Art. 18 ¶2; the crime of 刑法 Art. 276-1 and 法释〔2013〕3号 Art. 3. */
  police_transfer: (d, f) => {
    const t = (d.data.threshold ?? {}) as { by?: string | null; thresholds?: { oneWorkerFen?: number; tenWorkersFen?: number }; figures?: { largestOneWorkerFen?: number; workersOwed?: number; totalOwedFen?: number } };
    const workers = f.workers.filter((w) => w.movedTo === 'police' || w.status === 'open');
    const total = t.figures?.totalOwedFen ?? sum(workers.map(unpaid));
    const amount =
      t.by === 'one_worker'
        ? `拒不支付一名劳动者三个月以上的劳动报酬，数额达${yuan(t.figures?.largestOneWorkerFen ?? 0)}元，达到本省“数额较大”标准（${yuan(t.thresholds?.oneWorkerFen ?? 0)}元）`
        : `拒不支付${t.figures?.workersOwed ?? workers.length}名劳动者的劳动报酬累计${yuan(total)}元，达到本省“数额较大”标准（${yuan(t.thresholds?.tenWorkersFen ?? 0)}元）`;
    return [
      ...head(f, d.kind, d.docNo),
      { type: 'addressee', text: `${f.regionName}公安机关：` },
      {
        type: 'paragraph',
        text: `本局在查处${f.caseTitle}（案件编号${f.caseNo}）过程中发现：${f.employer.name}${f.order ? `经本局于${dateZh(f.order.issuedOn)}以${f.order.docNo}责令${f.order.dueOn ? `于${dateZh(f.order.dueOn)}前` : '限期'}支付` : '经本局责令支付'}所拖欠的农民工工资后，逾期仍不支付，${amount}，涉嫌构成《中华人民共和国刑法》第二百七十六条之一规定的拒不支付劳动报酬罪（《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》（法释〔2013〕3号）${art(3)}）。`,
      },
      { type: 'paragraph', text: `依据${REG}${art(41)}第二款、${INSPECTION}${art(18)}第二款的规定，现将该案移送你局审查并作出决定。请将立案或者不予立案的决定书面告知本局。` },
      { type: 'paragraph', text: '附件：1．涉案农民工及欠薪金额清单；2．责令支付文书、送达回证及调查取证材料（另附）。' },
      seal(f, d),
      workersOwedTable(workers, '附件1：涉案农民工及欠薪金额清单'),
      served('公安机关'),
    ];
  },

  /** CASE-09: 监察条例 Art. 21 ¶2 — tell the complainant the arbitration or court route; Reg. Art. 45 legal aid. */
  referral_notice: (d, f) => {
    const to = REFERRALS[String(d.data.to)] ?? REFERRALS.arbitration;
    const aid = d.data.legalAid !== false;
    return [
      ...head(f, d.kind, d.docNo),
      { type: 'addressee', text: `${complainantsOf(f)}：` },
      {
        type: 'paragraph',
        text: `你（们）于${dateZh(f.receivedOn)}反映${f.employer.name}拖欠${workersPhrase(f)}工资一事（案件编号${f.caseNo}），经审查，该事项应当通过劳动争议处理程序或者其他途径解决。依据${INSPECTION}${art(21)}第二款的规定，现告知如下：`,
      },
      { type: 'paragraph', text: `一、${to}` },
      ...(aid
        ? [{ type: 'paragraph', text: `二、农民工是法律援助的重点对象（${REG}${art(45)}）。你（们）可以向当地法律援助机构申请法律援助，或者拨打12348公共法律服务热线咨询。` } as Block]
        : []),
      { type: 'paragraph', text: `${aid ? '三' : '二'}、申请仲裁、提起诉讼有法定时效，请及时依法办理，并妥善保存劳动合同、考勤、工资条等证据；用人单位应当提供其依法保存的劳动合同、职工名册、工资支付台账和清单等材料（${REG}${art(50)}）。` },
      seal(f, d),
      workersOwedTable(f.workers, '附：所涉农民工及请求金额'),
      served('投诉人'),
    ];
  },
};

/** The layout of one document from its record and its case's facts. */
export function layoutOf(d: DocumentRecord, f: DocumentFacts): DocumentLayout {
  return { kind: d.kind, title: DOCUMENT_KINDS[d.kind].zh, fileName: documentFileName(d.docNo), blocks: TEMPLATES[d.kind](d, f) };
}

/** `<doc_no>.docx`, with the characters no file system takes replaced. */
export const documentFileName = (docNo: string) => `${docNo.replace(/[\\/:*?"<>|\r\n]/g, '_').trim() || 'document'}.docx`;

/** All the text of a layout, in order (for tests and search). */
export const layoutText = (l: DocumentLayout) =>
  l.blocks
    .flatMap((b) => {
      switch (b.type) {
        case 'field':
          return [`${b.label}：${b.value}`];
        case 'table':
          return [b.title, ...b.columns.map((c) => c.title), ...b.rows.flat(), ...(b.footer ?? [])];
        case 'signature':
          return [...b.lines, b.date];
        default:
          return [b.text];
      }
    })
    .join('\n');
