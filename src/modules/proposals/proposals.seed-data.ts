/**
 * Demo proposals for the three campaigns the seed document describes: ⑤ staff proposals,
 * ④ young-staff training groups and ② the PR project team. Their subjects come from the
 * document's own concerns (wise spending, HP/SNS, open data, life-work balance, …); the
 * authors are demo people. Scores are per reviewer (reviewer (reviewer-1 of the org seed), reviewer-2 … reviewer-4), criteria
 * c1–c4 of the staff rubric.
 */
export const STAFF_RUBRIC = {
  scaleMax: 5,
  criteria: [
    { key: 'c1', label: '都民・事業者への効果', weight: 3 },
    { key: 'c2', label: '実現可能性', weight: 3 },
    { key: 'c3', label: '費用対効果（ワイズ・スペンディング）', weight: 2 },
    { key: 'c4', label: '独自性', weight: 1 },
  ],
}

export const PR_RUBRIC = {
  scaleMax: 5,
  criteria: [
    { key: 'c1', label: '伝わりやすさ', weight: 2 },
    { key: 'c2', label: '短期的な実現可能性', weight: 2 },
    { key: 'c3', label: '新しさ', weight: 1 },
  ],
}

export interface SeedProposal {
  author: string
  area: string | null
  title: string
  problem: string
  solution: string
  method: string
  caveats: string
  scores?: Record<string, number[]>
}

export const STAFF_PROPOSALS: SeedProposal[] = [
  {
    author: 'staff',
    area: 'shoko-keiei',
    title: '中小企業向け補助金の電子申請',
    problem: '補助金の申請は紙の申請書を郵送または窓口に持参する必要があり、事業者の負担が大きい。',
    solution: '申請をオンラインで受け付け、添付書類もデータで提出できるようにする。',
    method: '都の電子申請サービスを活用し、申請件数の多い補助金から順次移行する。',
    caveats: '電子申請に不慣れな事業者のため、当面は紙の申請も併用する。',
    scores: { reviewer: [5, 4, 4, 3], 'reviewer-2': [5, 4, 5, 3], 'reviewer-3': [4, 4, 4, 2] },
  },
  {
    author: 'staff-2',
    area: 'body-kanko-zaidan',
    title: '観光案内所の多言語対応の強化',
    problem: '外国人旅行者が観光案内所で言葉が通じず、必要な案内を受けられないことがある。',
    solution: '翻訳タブレットを案内所に配備し、多言語で案内できるようにする。',
    method: '観光財団と連携し、2020年大会までに主要な案内所へ配備する。',
    caveats: '機器の更新費用と、職員への操作研修が必要。',
    scores: { reviewer: [4, 4, 3, 3], 'reviewer-2': [4, 5, 3, 2], 'reviewer-4': [4, 4, 3, 3] },
  },
  {
    author: 'staff-3',
    area: 'koyo-rodo',
    title: '定時退庁日の徹底による超過勤務の削減',
    problem: '定時退庁日が守られておらず、超過勤務が常態化している職場がある。',
    solution: '毎週水曜日を定時退庁日として徹底し、管理職が声かけをする。',
    method: '各事業所の業務改善の取組に目標値を設定し、四半期ごとに結果を共有する。',
    caveats: '繁忙期の業務の平準化をあわせて検討する。',
    scores: { 'reviewer-2': [3, 5, 4, 1], 'reviewer-3': [2, 5, 4, 1], 'reviewer-4': [3, 4, 5, 2] },
  },
  {
    author: 'staff-4',
    area: 'off-nogyo',
    title: '都内農産物直売所マップの公開',
    problem: '都内の農産物直売所の場所が都民に知られておらず、都市農業の魅力が伝わっていない。',
    solution: '直売所の位置情報をオープンデータとして公開し、地図アプリで見られるようにする。',
    method: '農業振興事務所が把握している直売所情報を整理し、CSVで公開する。',
    caveats: '個人経営の直売所の掲載には事前に同意を得る。',
    scores: { reviewer: [3, 4, 5, 4], 'reviewer-3': [5, 2, 2, 5], 'reviewer-4': [2, 5, 4, 2] },
  },
  {
    author: 'pr_team',
    area: null,
    title: '統計・調査データのエクセル形式での公開',
    problem: '局ホームページの統計・調査はPDFのみで、事業者や研究者が再利用しにくい。',
    solution: 'PDFに加えてエクセル形式でも公開する。',
    method: '次回の調査結果から順次、エクセルデータを掲載する。',
    caveats: '個人や企業が特定されないよう、集計単位に注意する。',
  },
]

export const TRAINING_PROPOSALS: SeedProposal[] = [
  {
    author: 'staff-2',
    area: 'off-iidabashi',
    title: '労働相談窓口の待ち時間のウェブ表示',
    problem: '労働相談の窓口で待ち時間が分からず、来所者が長時間待つことがある。',
    solution: '窓口の混雑状況と待ち時間をウェブで表示する。',
    method: '受付番号システムと連携し、ホームページに掲示する。',
    caveats: '相談者のプライバシーに配慮し、人数のみを表示する。',
  },
]

export const PR_PROPOSALS: SeedProposal[] = [
  {
    author: 'pr_team',
    area: null,
    title: '局事業のSNS発信の一元化',
    problem: '若い世代に局ホームページが読まれておらず、支援策が届いていない。',
    solution: '局の公式SNSアカウントで、各部の事業を週2回発信する。',
    method: '情報発信PTが投稿カレンダーを作り、各部が原稿を提供する。',
    caveats: '炎上時の対応手順を先に定める。',
  },
]
