/**
 * The general extraction rules on sentences written for these tests (not taken from the seed
 * reports), so that passing them says the rules carry over to reports the rules were not tuned on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../resolve/gazetteer.js';
import { isStockWord, stockFrequency, tag } from '../segment/jieba.js';
import { extractMentions, type Mention } from './index.js';
import { buildLexicon, defaultLexicon, spunForms } from './lexicon.js';

const lex = defaultLexicon();
const know = {
  isWord: isStockWord,
  frequency: stockFrequency,
  isPlace: (w: string) => defaultGazetteer().byName.has(w),
};
const extract = (text: string): Mention[] => extractMentions(text, tag(text, lex), lex, know);
const of = (text: string, ...kinds: string[]) =>
  extract(text)
    .filter((m) => kinds.includes(m.kind))
    .map((m) => `${m.kind}:${m.name}`);
const policiesAndPrograms = (text: string) => of(text, 'POLICY', 'PROGRAM');

// Loading jieba's dictionaries takes seconds on a busy machine: setup, not part of any one test.
beforeAll(() => void tag('预热', lex), 60_000);

describe('lexicon terms inside lexicon terms', () => {
  it('finds a known term named inside a longer one, but not the one a designation is built on', () => {
    expect(policiesAndPrograms('做好巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作。')).toEqual([
      'POLICY:巩固拓展脱贫攻坚成果同乡村振兴有效衔接',
      'POLICY:脱贫攻坚',
      'POLICY:乡村振兴',
    ]);
    expect(policiesAndPrograms('成功创建省级示范幼儿园2所。')).toEqual(['PROGRAM:省级示范幼儿园']);
    expect(policiesAndPrograms('争创义务教育优质均衡发展县。')).toEqual(['PROGRAM:义务教育优质均衡发展县']);
    expect(of('推进平安校园建设。', 'PROGRAM', 'POLICY')).toEqual(['PROGRAM:平安校园']);
  });
});

describe('quoted terms', () => {
  it('takes a quoted numeric abbreviation as the policy, whatever campaign follows it', () => {
    expect(policiesAndPrograms('今年全面开展“四乱”专项整治活动,成效明显。')).toEqual(['POLICY:四乱']);
    expect(policiesAndPrograms('各校深入开展“三比三创”主题教育实践活动。')).toEqual(['POLICY:三比三创']);
  });

  it('keeps a numeric abbreviation glued to a program head as the program name', () => {
    expect(policiesAndPrograms('启动“五好”工程,打造优质学校。')).toEqual(['PROGRAM:五好工程']);
    expect(policiesAndPrograms('严格落实“六长”负责制。')).toEqual(['POLICY:六长负责制']);
  });

  it('names a duty organised by a quoted abbreviation after the abbreviation and the known term it organises', () => {
    expect(policiesAndPrograms('全面落实“一县一策”营养改善计划工作机制,覆盖全部学校。')).toEqual([
      'POLICY:一县一策营养改善计划工作机制',
      'PROGRAM:营养改善计划',
    ]);
    // Without a known term in between it stays the abbreviation alone.
    expect(policiesAndPrograms('全面落实“一县一策”帮扶机制。')).toEqual(['POLICY:一县一策']);
  });

  it('takes a quoted formula of numbers as a policy beside a policy word, not as the number of a plan', () => {
    expect(policiesAndPrograms('各校推行课后服务“6+1”模式。')).toEqual(['POLICY:6+1']);
    expect(policiesAndPrograms('落实“4+2”教研要求。')).toEqual(['POLICY:4+2']);
    expect(policiesAndPrograms('印发“1+9”配套方案。')).toEqual([]);
    expect(policiesAndPrograms('全面落实“6+2”计划。')).toEqual(['PROGRAM:6+2计划']);
    expect(policiesAndPrograms('全年投入“2+3”万元。')).toEqual([]);
  });

  it('leaves a quoted number that counts a group of people, or a planning period, alone', () => {
    expect(policiesAndPrograms('“两残”儿童入学率达到95%。')).toEqual([]);
    expect(policiesAndPrograms('完成“十四五”教育发展规划编制。')).toEqual([]);
    expect(policiesAndPrograms('今年是“十五五”开局之年。')).toEqual([]);
  });

  it('gives every item of a quoted list the kind the list is called by', () => {
    expect(policiesAndPrograms('组织“红色基因代代传”、“书香满校园”等主题实践活动。')).toEqual([
      'PROGRAM:红色基因代代传',
      'PROGRAM:书香满校园',
    ]);
  });

  it('does not make a quote a program when a new clause starts before the program word', () => {
    expect(policiesAndPrograms('开辟“直通车”扎实推进项目落地。')).toEqual([]);
  });

  it('joins a quoted cup sponsor with the contest it names', () => {
    expect(policiesAndPrograms('组织学生参加“新华杯”中小学生作文大赛,获一等奖3人。')).toEqual([
      'PROGRAM:新华杯中小学生作文大赛',
    ]);
  });

  it('ends a quote that lost its closing mark before a connective', () => {
    const found = policiesAndPrograms('学校被授予“安全文明单位,同时被评为先进集体。');
    expect(found.some((f) => f.includes('同时'))).toBe(false);
  });
});

describe('political formulas', () => {
  it('finds a place’s spirit or experience, the spirit of a national meeting or speech, and the 应X尽X formula', () => {
    expect(policiesAndPrograms('大力弘扬延安精神,学习借鉴晋江经验。')).toEqual(['POLICY:延安精神', 'POLICY:晋江经验']);
    expect(policiesAndPrograms('总结推广先进经验,贯彻省委全会精神。')).toEqual([]);
    expect(policiesAndPrograms('弘扬“两路”精神和老西藏精神。')).toEqual(['POLICY:两路精神', 'POLICY:老西藏精神']);
    expect(policiesAndPrograms('学习贯彻全国高校思想政治工作会议精神。')).toEqual([
      'POLICY:全国高校思想政治工作会议精神',
    ]);
    expect(policiesAndPrograms('认真学习习近平总书记来川视察重要讲话精神。')).toEqual([
      'POLICY:习近平总书记来川视察重要讲话精神',
    ]);
    expect(policiesAndPrograms('资助做到应资尽资、应免尽免。')).toEqual(['POLICY:应资尽资、应免尽免']);
  });

  it('finds the spirit of a congress listed before other meetings', () => {
    // The national meeting listed after it has its spirit too.
    expect(policiesAndPrograms('深入学习贯彻党的二十大和全国人民代表大会精神。')).toEqual([
      'POLICY:党的二十大精神',
      'POLICY:全国人民代表大会精神',
    ]);
  });

  it('takes no congress from a number before 大 outside a party congress', () => {
    expect(policiesAndPrograms('评选表彰十大和谐家庭等精神文明创建成果。')).toEqual([]);
  });

  it('takes a quoted list of known terms as those terms, not one more', () => {
    expect(policiesAndPrograms('推进“控辍保学、县管校聘”工作。')).toEqual(['POLICY:控辍保学', 'POLICY:县管校聘']);
  });

  it('keeps a quoted two-part slogan whole where the lexicon knows one part', () => {
    expect(policiesAndPrograms('坚持“产教融合,服务地方”的办学方向。')).toEqual([
      'POLICY:产教融合',
      'POLICY:产教融合、服务地方',
    ]);
  });

  it('names the spirit of a numbered party congress or plenum, anonymised numbers included', () => {
    expect(policiesAndPrograms('认真学习十九届六中全会精神。')).toEqual(['POLICY:党的十九届六中全会精神']);
    const anon = extract('全体教师学习党的 xx 大会议精神。').filter((m) => m.kind === 'POLICY');
    expect(anon).toMatchObject([{ name: '党的xx大精神', anonymised: true }]);
  });

  it('takes an unquoted list of four verb-object triples as a formula, but not a list of nouns', () => {
    expect(policiesAndPrograms('坚持抓班子、带队伍、强管理、促发展的工作思路。')).toEqual([
      'POLICY:抓班子、带队伍、强管理、促发展',
    ]);
    expect(policiesAndPrograms('新建图书馆、体育馆、少年宫、科技馆。')).toEqual([]);
  });
});

describe('program heads', () => {
  it('keeps a bracketed alternative inside a program name', () => {
    expect(policiesAndPrograms('启动园(校)长领导力培训工程。')).toEqual(['PROGRAM:园(校)长领导力培训工程']);
  });

  it('stops the name at the verb that introduces it and keeps the place in front', () => {
    expect(policiesAndPrograms('我县积极实施乡村学校美术提升计划。')).toEqual(['PROGRAM:乡村学校美术提升计划']);
  });

  it('does not take the verb that starts a program for a school name', () => {
    expect(of('今年启动县域高中提质行动。', 'PROGRAM', 'SCHOOL')).toEqual(['PROGRAM:县域高中提质行动']);
  });

  it('does not open a name with a locative', () => {
    expect(policiesAndPrograms('组织网上晒课活动。')).toEqual([]);
  });

  it('starts a designation at its level word, not at whoever applied for it', () => {
    expect(policiesAndPrograms('完成各乡镇市级家庭教育项目申报。')).toEqual(['PROGRAM:市级家庭教育项目']);
  });

  it('drops the holder of a designation of its own level', () => {
    expect(policiesAndPrograms('江北区体育强区建设顺利通过验收。')).toEqual(['PROGRAM:体育强区']);
  });

  it('finds named events with anonymised places and editions, but no celebration of an anniversary', () => {
    const m = extract('举办XX县第三届中小学生运动会。').filter((x) => x.kind === 'PROGRAM');
    expect(m).toMatchObject([{ name: 'XX县第三届中小学生运动会', anonymised: true }]);
    expect(policiesAndPrograms('开展了纪念建团100周年主题活动和庆祝新中国成立70周年系列活动。')).toEqual([]);
    expect(policiesAndPrograms('开展庆祝建党89周年庆祝活动。')).toEqual([]);
  });

  it('takes a campaign that brings a theme into schools as the program, not its activity', () => {
    expect(policiesAndPrograms('推进禁毒教育进校园活动。')).toEqual(['PROGRAM:禁毒教育进校园']);
  });

  it('takes the activity of a known program as that program, but a contest named after it as its own event', () => {
    expect(policiesAndPrograms('各校扎实开展营养改善计划活动。')).toEqual(['PROGRAM:营养改善计划']);
    expect(policiesAndPrograms('举办海淀区中小学营养改善计划知识竞赛。')).toEqual([
      'PROGRAM:海淀区中小学营养改善计划知识竞赛',
      'PROGRAM:营养改善计划',
    ]);
  });

  it('takes a program that develops people for a program, not for building work', () => {
    expect(policiesAndPrograms('实施青年教师培养工程。')).toEqual(['PROGRAM:青年教师培养工程']);
    expect(policiesAndPrograms('实施“双师”培训工程。')).toEqual(['PROGRAM:双师培训工程']);
    expect(policiesAndPrograms('完成食堂项目和综合楼工程。')).toEqual([]);
  });

  it('does not take the campaign verbs in front of a designation or program into its name', () => {
    expect(policiesAndPrograms('全力建设体育强县。')).toEqual(['PROGRAM:体育强县']);
    expect(policiesAndPrograms('全力创建江苏省体育强县。')).toEqual(['PROGRAM:江苏省体育强县']);
    expect(policiesAndPrograms('各校要抓好乡村教师培训工程的落实。')).toEqual(['PROGRAM:乡村教师培训工程']);
    expect(policiesAndPrograms('督促各乡(镇)做好迎接省体育强县验收工作。')).toEqual(['PROGRAM:省体育强县']);
  });

  it('keeps a state word such as 清零 inside a campaign name', () => {
    expect(policiesAndPrograms('启动适龄儿童失学清零行动。')).toEqual(['PROGRAM:适龄儿童失学清零行动']);
  });

  it('takes a grade awarded to schools as a designation, with the awarding place, not as a school', () => {
    expect(of('今年新增省级示范幼儿园3所、市一级幼儿园5所。', 'PROGRAM', 'SCHOOL')).toEqual([
      'PROGRAM:省级示范幼儿园',
      'PROGRAM:市一级幼儿园',
    ]);
    expect(of('县一中创建省一级一等高完中,二中通过省级规范化中等职业学校评估。', 'PROGRAM')).toEqual([
      'PROGRAM:省一级一等高完中',
      'PROGRAM:省级规范化中等职业学校',
    ]);
    expect(of('全县有宜昌市规范化幼儿园12所。', 'PROGRAM', 'SCHOOL')).toEqual(['PROGRAM:宜昌市规范化幼儿园']);
  });

  it('takes an edition and the awarding level or province into the name; a county before a program is where it runs', () => {
    expect(policiesAndPrograms('荣获第12届浙江省中小学生科技创新大赛一等奖。')).toEqual([
      'PROGRAM:第12届浙江省中小学生科技创新大赛',
    ]);
    expect(policiesAndPrograms('城南小学被评为湖南省书法教育特色学校。')).toEqual(['PROGRAM:湖南省书法教育特色学校']);
    const program = extract('启动第三期学前教育行动计划。').find((m) => m.kind === 'PROGRAM');
    // A lexicon term keeps its canonical entity; the edition shows in the surface.
    expect(program).toMatchObject({ name: '学前教育行动计划', surface: '第三期学前教育行动计划' });
    const grade = extract('新增自治区示范性普通高中1所。').find((m) => m.kind === 'PROGRAM');
    expect(grade?.surface).toBe('自治区示范性普通高中');
    expect(policiesAndPrograms('湘潭县营养改善计划覆盖全部农村学校。')).toEqual(['PROGRAM:营养改善计划']);
  });

  it('finds festivals and split event words, and drops the reader’s own bare level before an edition', () => {
    expect(policiesAndPrograms('举办第五届中小学生读书节和第十五届中小学生田径运动会。')).toEqual([
      'PROGRAM:第五届中小学生读书节',
      'PROGRAM:第十五届中小学生田径运动会',
    ]);
    expect(policiesAndPrograms('组织县第三届班主任基本功大赛。')).toEqual(['PROGRAM:第三届班主任基本功大赛']);
  });

  it('takes a campaign that brings a theme into classrooms or communities like one into schools', () => {
    expect(policiesAndPrograms('推进非遗文化进课堂。')).toEqual(['PROGRAM:非遗文化进课堂']);
  });

  it('does not take people visiting schools, or the verb before them, for a campaign', () => {
    expect(policiesAndPrograms('邀请家长进课堂讲授职业知识,组织专家进校园开展讲座,推动优秀教师进乡村支教。')).toEqual(
      [],
    );
  });

  it('takes no level from a word that ends in one, and none before an edition', () => {
    const m = extract('创建城市文明校园。').find((x) => x.kind === 'PROGRAM');
    expect(m).toMatchObject({ name: '文明校园', surface: '文明校园' });
    expect(policiesAndPrograms('举办市第九届中小学生运动会。')).toEqual(['PROGRAM:第九届中小学生运动会']);
  });

  it('keeps the head written after a known program in its surface, and a school project is the school', () => {
    const m = extract('承担国培计划项目的培训任务。').filter((x) => x.kind === 'PROGRAM');
    expect(m).toMatchObject([{ name: '国培计划', surface: '国培计划项目' }]);
    // Also when the known program is quoted and the head follows the closing quote.
    const q = extract('各校实施“青蓝工程”项目和“营养改善计划”工程。').filter((x) => x.kind === 'PROGRAM');
    expect(q).toMatchObject([
      { name: '青蓝工程', surface: '青蓝工程”项目' },
      { name: '营养改善计划', surface: '营养改善计划”工程' },
    ]);
    expect(of('启动区第二初级中学新建项目。', 'SCHOOL', 'PROGRAM')).toEqual(['SCHOOL:区第二初级中学']);
  });

  it('takes adjectives inside a campaign name and choir festivals as events', () => {
    expect(policiesAndPrograms('开展中华优秀传统文化进校园活动。')).toEqual(['PROGRAM:中华优秀传统文化进校园']);
    expect(policiesAndPrograms('举办第三届中小学生合唱节。')).toEqual(['PROGRAM:第三届中小学生合唱节']);
  });

  it('names campaigns only from the last verb, and stops them at a clause', () => {
    expect(policiesAndPrograms('部署全县各级各类学校开展违规征订教辅材料专项整治。')).toEqual([
      'PROGRAM:违规征订教辅材料专项整治',
    ]);
    // Routine sweeps every bureau runs each year are no named campaigns.
    expect(policiesAndPrograms('扶持普惠性民办园发展,开展无证园专项治理。')).toEqual(['PROGRAM:无证园专项治理']);
    expect(policiesAndPrograms('持续开展幼儿园“小学化”专项治理。')).toEqual(['PROGRAM:幼儿园小学化专项治理']);
    expect(policiesAndPrograms('深入开展不作为不担当问题专项治理。')).toEqual(['PROGRAM:不作为不担当问题专项治理']);
    expect(policiesAndPrograms('做好校外培训机构专项治理。')).toEqual(['PROGRAM:校外培训机构专项治理']);
    expect(policiesAndPrograms('开展师德师风专项整治和食品安全专项整治。')).toEqual([]);
    expect(policiesAndPrograms('开展常态化专项整治,组织拉网式专项清理,做好全覆盖专项治理。')).toEqual([]);
    expect(policiesAndPrograms('组织全县各学校对食堂进行专项整治。')).toEqual([]);
    expect(policiesAndPrograms('推进学校安全大检查并同步进行隐患专项整治。')).toEqual([]);
  });

  it('reads a sentence that opens with a head word', () => {
    expect(policiesAndPrograms('活动开展情况良好。')).toEqual([]);
    expect(policiesAndPrograms('进校园活动有序开展。')).toEqual([]);
  });

  it('takes bringing a known policy into schools as the policy, not a campaign of its own', () => {
    expect(policiesAndPrograms('推动党的二十大精神进校园。')).toEqual(['POLICY:党的二十大精神']);
    // A person's spirit brought into schools is a campaign of its own, and the spirit a mention inside it.
    expect(policiesAndPrograms('开展焦裕禄精神进校园活动。')).toEqual([
      'POLICY:焦裕禄精神',
      'PROGRAM:焦裕禄精神进校园',
    ]);
    expect(policiesAndPrograms('推动全国教育大会精神进校园。')).toEqual(['POLICY:全国教育大会精神']);
  });

  it('finds no campaign in what must be kept out of schools', () => {
    expect(policiesAndPrograms('杜绝不适宜的读物进校园。')).toEqual([]);
    expect(policiesAndPrograms('防止不良读物进校园。')).toEqual([]);
  });

  it('takes building schools or branches up to a grade as a program', () => {
    expect(policiesAndPrograms('以五星级党支部建设为抓手,推进示范校建设。')).toEqual([
      'PROGRAM:五星级党支部建设',
      'PROGRAM:示范校建设',
    ]);
    expect(policiesAndPrograms('加快标准化的校园建设。')).toEqual([]);
    expect(policiesAndPrograms('通过示范带动学校建设。')).toEqual([]);
    expect(of('推进示范性幼儿园建设。', 'PROGRAM', 'SCHOOL')).toEqual(['PROGRAM:示范性幼儿园建设']);
  });

  it('takes one school’s building work as the school, not a program', () => {
    expect(of('城北小学扩建项目完成立项。', 'PROGRAM', 'SCHOOL')).toEqual(['SCHOOL:城北小学']);
    expect(of('城北小学综合楼项目完工,市中职校实训室项目开工。', 'PROGRAM', 'SCHOOL')).toEqual([
      'SCHOOL:城北小学',
      'SCHOOL:市中职校',
    ]);
  });

  it('takes a pilot of a known policy as a program of its own, not the policy again', () => {
    expect(policiesAndPrograms('开展现代学徒制试点。')).toEqual(['PROGRAM:现代学徒制试点']);
  });

  it('takes no enrolment plan for a program', () => {
    expect(policiesAndPrograms('热点学校报名人数远超招生计划。')).toEqual([]);
  });

  it('takes a quoted class named after a place as a program, not a kind of class', () => {
    expect(policiesAndPrograms('开设“海门班”2个。')).toEqual(['PROGRAM:海门班']);
    expect(policiesAndPrograms('开设“订单班”“冠名班”12个。')).toEqual([]);
  });

  it('keeps 名 before a title inside a program name, not a counted 名', () => {
    expect(policiesAndPrograms('实施名师名校长培养工程。')).toEqual(['PROGRAM:名师名校长培养工程']);
    expect(policiesAndPrograms('实施3名教师培养工程。')).toEqual(['PROGRAM:教师培养工程']);
  });

  it('takes a long quoted name as a program when it says it is one', () => {
    expect(policiesAndPrograms('开展“转变作风优化营商环境建设年”活动。')).toEqual([
      'PROGRAM:转变作风优化营商环境建设年',
    ]);
  });

  it('names a campaign against a named wrong from the verb that opens it to its head', () => {
    expect(policiesAndPrograms('深入开展无证培训机构及违规招生专项治理工作。')).toEqual([
      'PROGRAM:无证培训机构及违规招生专项治理',
    ]);
    expect(policiesAndPrograms('组织开展对教师违规补课、收受礼金专项整治。')).toEqual([
      'PROGRAM:教师违规补课、收受礼金专项整治',
    ]);
    // A campaign named as the program it is, not taken twice.
    expect(policiesAndPrograms('开展“护校安园”专项行动。')).toEqual(['PROGRAM:护校安园']);
  });

  it('finds no campaign in what may not come into schools, and no program in a sentence’s 作为', () => {
    expect(policiesAndPrograms('清理不适宜进校园的读物200余册。')).toEqual([]);
    expect(policiesAndPrograms('把学校安全作为重大民生工程来抓。')).toEqual([]);
  });

  it('names a province’s program with the province, and an event with the whole unit that holds it', () => {
    expect(policiesAndPrograms('实施山西省乡村学校提质工程。')).toEqual(['PROGRAM:山西省乡村学校提质工程']);
    // A county before a known national program is where it runs.
    expect(extract('落实介休市营养改善计划。').filter((x) => x.kind === 'PROGRAM')).toMatchObject([
      { name: '营养改善计划', surface: '营养改善计划' },
    ]);
    expect(policiesAndPrograms('承办全县第五届中小学生运动会。')).toEqual(['PROGRAM:全县第五届中小学生运动会']);
    // The whole unit alone names no event: every district holds a 全市…运动会 each year.
    expect(policiesAndPrograms('学生参加全市职业技能大赛获一等奖。')).toEqual([]);
    expect(policiesAndPrograms('开展全市教师培训活动。')).toEqual([]);
  });

  it('takes a province written before the opening quote of a known program into its surface', () => {
    const m = extract('依托四川省“国培计划”平台组织教学。').filter((x) => x.kind === 'PROGRAM');
    expect(m).toMatchObject([{ name: '国培计划', surface: '四川省“国培计划”' }]);
    // A quoted known term in a title is one mention, not two.
    expect(of('全面落实四川省“营养改善计划”实施细则。', 'PROGRAM')).toEqual(['PROGRAM:营养改善计划']);
  });

  it('keeps a known program its own entity when an anonymised place stands before it', () => {
    const m = extract('获评x省营养改善计划工作先进单位。').filter((x) => x.kind === 'PROGRAM');
    expect(m).toMatchObject([{ name: '营养改善计划', surface: 'x省营养改善计划', anonymised: false }]);
  });

  it('takes nationwide awareness weeks and months as events, and leaves an unnamed month of activities alone', () => {
    expect(policiesAndPrograms('第3届全国青少年禁毒宣传周期间,各校举行主题班会。')).toEqual([
      'PROGRAM:第3届全国青少年禁毒宣传周',
    ]);
    expect(policiesAndPrograms('配合第十三届全国学前教育宣传月,发放资料。')).toEqual([
      'PROGRAM:第十三届全国学前教育宣传月',
    ]);
    expect(policiesAndPrograms('开展安全教育宣传月活动,发放资料。')).toEqual([]);
  });

  it('finds a program named inside a document title', () => {
    expect(of('印发了《关于实施乡村学校美术提升计划的通知》。', 'PROGRAM', 'DOCUMENT')).toEqual([
      'DOCUMENT:关于实施乡村学校美术提升计划的通知',
      'PROGRAM:乡村学校美术提升计划',
    ]);
  });

  it('cuts the clause verbs in front of a project name', () => {
    expect(policiesAndPrograms('由村合作社与某公司合作发展茶叶种植扶贫项目。')).toEqual(['PROGRAM:茶叶种植扶贫项目']);
  });

  it('finds no program in building work counted in figures or a level with one ordinary word', () => {
    expect(policiesAndPrograms('年内完成4所中小学新建、改扩建工程。实施校舍维修改造和食堂提升项目57个。')).toEqual([]);
    expect(policiesAndPrograms('组织骨干教师参加省级培训项目。')).toEqual([]);
    expect(policiesAndPrograms('新增省基础教育前瞻性教学改革实验项目2个,实施市级社区教育项目。')).toEqual([
      'PROGRAM:省基础教育前瞻性教学改革实验项目',
      'PROGRAM:市级社区教育项目',
    ]);
  });

  it('finds no program in school building projects, budget categories or building work in general', () => {
    expect(policiesAndPrograms('城南中学改扩建项目已开工。')).toEqual([]);
    expect(policiesAndPrograms('其中义教项目3个,校舍建设工程12个。')).toEqual([]);
    expect(policiesAndPrograms('实施城区学校工程建设三年规划。')).toEqual([]);
    expect(policiesAndPrograms('大幅压缩检查评比项目。')).toEqual([]);
  });
});

describe('documents', () => {
  const documents = (text: string) => of(text, 'DOCUMENT');

  it('finds a title written without 《》 when an issuing place opens it and the kind of document ends it', () => {
    expect(documents('依据XX县义务教育学校布局专项规划(201X-2025年),新建学校3所。')).toEqual([
      'DOCUMENT:XX县义务教育学校布局专项规划(201X-2025年)',
    ]);
    expect(documents('出台了介休市中小学教师县管校聘管理改革实施方案,完成竞聘。')).toEqual([
      'DOCUMENT:介休市中小学教师县管校聘管理改革实施方案',
    ]);
    expect(documents('编制完成会泽县“十四五”教育事业发展规划。')).toEqual(['DOCUMENT:会泽县“十四五”教育事业发展规划']);
    expect(documents('印发会泽县教育局关于加强学校管理的实施意见,全面整改。')).toEqual([
      'DOCUMENT:会泽县教育局关于加强学校管理的实施意见',
    ]);
    // Without an issuing place it is a plan the sentence talks about, not a title; nor is a clause, what a body
    // plans or thinks, or a document word inside a longer word.
    expect(documents('我县制定了学校布局调整规划。')).toEqual([]);
    expect(documents('认真落实上级各项意见。')).toEqual([]);
    expect(documents('我们走访了延川县十所学校并听取意见。')).toEqual([]);
    expect(documents('按照海伦市教育局统一规划,新建幼儿园5所。')).toEqual([]);
    expect(documents('会议听取了海伦市教育局关于学校布局调整的意见。')).toEqual([]);
    expect(documents('认真落实寿光市委市政府决策部署和上级有关意见。')).toEqual([]);
    expect(documents('收集整理海伦市人大代表意见建议。')).toEqual([]);
    expect(documents('印发海伦市学前教育第三期行动计划和海伦市教育事业发展规划。')).toEqual([]);
  });
});

describe('lexicon matching', () => {
  it('matches a lexicon form written with quote marks inside it', () => {
    expect(policiesAndPrograms('实施“义务教育薄弱环节改善与能力提升”工程。')).toEqual([
      'PROGRAM:义务教育薄弱环节改善与能力提升',
    ]);
  });

  it('does not find a short form inside a longer word', () => {
    expect(policiesAndPrograms('高考成绩连续刷新高考纪录。')).toEqual([]);
    expect(policiesAndPrograms('稳妥推进新高考改革。')).toEqual(['POLICY:新高考']);
    expect(policiesAndPrograms('组织全国培训。')).toEqual([]);
  });

  it('takes a place’s own quoted edition of a known program as a program of its own', () => {
    expect(policiesAndPrograms('启动“延庆名师工程”,落实“新强师工程”,实施“国培计划”。')).toEqual([
      'PROGRAM:延庆名师工程',
      'PROGRAM:新强师工程',
      'PROGRAM:国培计划',
    ]);
  });

  it('takes a quoted name with its program head, a designation won without the verb, and no year of a trend', () => {
    expect(policiesAndPrograms('实施“东太湖名师”培养工程,创成江苏省智慧校园示范校23所。')).toEqual([
      'PROGRAM:东太湖名师培养工程',
      'PROGRAM:江苏省智慧校园示范校',
    ]);
    expect(policiesAndPrograms('部分学校班额接近上限,“学位荒”压力逐年加大。')).toEqual([]);
  });

  it('names no event after a dictionary abbreviation alone (全市中小学生田径运动会), but one with an edition', () => {
    expect(policiesAndPrograms('举办全市中小学生田径运动会。')).toEqual([]);
    expect(policiesAndPrograms('成功举办海门区第二十届中小学生田径运动会。')).toEqual([
      'PROGRAM:海门区第二十届中小学生田径运动会',
    ]);
  });

  it('finds the national after-school formula, but not inside a longer number', () => {
    expect(policiesAndPrograms('推行“5+2”课后服务模式。')).toEqual(['POLICY:5+2课后服务模式']);
    // The overtime slogan is another 5+2.
    expect(policiesAndPrograms('施工单位采取5+2、白加黑的方式抢抓工期。')).toEqual([]);
    expect(policiesAndPrograms('得分由15+20构成。')).toEqual([]);
  });

  it('finds a short form after a word that ends where it starts (参加|国培, though 加国 is a word too)', () => {
    expect(policiesAndPrograms('选派骨干教师参加国培。')).toEqual(['PROGRAM:国培计划']);
  });

  it('finds terms beyond the seeds: national programs a researcher expects', () => {
    expect(policiesAndPrograms('落实双减,实施强基计划和银龄讲学计划,推进县中振兴。')).toEqual([
      'POLICY:双减',
      'PROGRAM:强基计划',
      'PROGRAM:银龄讲学计划',
      'PROGRAM:县域普通高中振兴计划',
    ]);
  });

  it('knows national designations as programs, not as the policy they are named after', () => {
    expect(policiesAndPrograms('积极争创全国义务教育优质均衡发展县。')).toEqual(['PROGRAM:义务教育优质均衡发展县']);
  });

  it('spells a form the way spinners do, two words at a time', () => {
    const forms = spunForms('基础教育发展工程', [
      ['基础', '根底'],
      ['发展', '进展'],
    ]);
    expect(forms).toEqual(expect.arrayContaining(['根底教育发展工程', '基础教育进展工程', '根底教育进展工程']));
  });

  it('leaves out entries and aliases read off the seeds when asked to', () => {
    const entries = [
      { kind: 'PROGRAM' as const, name: '县域教育提升工程', aliases: [], seed: true },
      { kind: 'POLICY' as const, name: '双减', aliases: ['双减政策'], seedAliases: ['减负双减'] },
    ];
    const full = buildLexicon(entries);
    const general = buildLexicon(entries, [], { withoutSeedTerms: true });
    expect([...full.forms.keys()].sort()).toEqual(['县域教育提升工程', '减负双减', '双减', '双减政策'].sort());
    expect([...general.forms.keys()].sort()).toEqual(['双减', '双减政策']);
  });
});

describe('places', () => {
  it('takes real places but not counts, distributives or schools jieba tagged as places', () => {
    expect(of('各乡镇要做好普通高中招生工作,两区三县同步推进。', 'PLACE')).toEqual([]);
    expect(of('城关三中和十堰市、三明市的学校结对。', 'PLACE')).toEqual(['PLACE:十堰市', 'PLACE:三明市']);
  });
});

describe('school names', () => {
  const schools = (text: string) => of(text, 'SCHOOL');

  it('keeps the level character of a local school, however jieba tagged it', () => {
    expect(schools('区实验小学、县第二中学结对帮扶。')).toEqual(['SCHOOL:区实验小学', 'SCHOOL:县第二中学']);
    expect(schools('县城第二幼儿园顺利通过验收。')).toEqual(['SCHOOL:县城第二幼儿园']);
  });

  it('keeps a village name jieba read as a person name (梁家/nrfg 营/小学)', () => {
    expect(schools('实施“全面改薄”项目,梁家营小学综合楼投入使用。')).toEqual(['SCHOOL:梁家营小学']);
  });

  it('reads 市一高 as a numbered senior high school, and the one listed after it in full', () => {
    expect(schools('均创历史新高,市一高、二高一本上线率分别达到90%。')).toEqual(['SCHOOL:市一高', 'SCHOOL:市二高']);
    expect(schools('进一步提高教学质量,建设一高标准实验室。')).toEqual([]);
  });

  it('keeps a rare place name that jieba took for a verb after the verb that governs it', () => {
    expect(schools('加快推进下关第十中学等项目建设。')).toEqual(['SCHOOL:下关第十中学']);
  });

  it('keeps the schools of a list its count ends (…、开发区实验学校2所学校), not a kind counted in figures', () => {
    expect(schools('城区新建梅山三小、开发区实验学校2所学校,新增学位。')).toEqual([
      'SCHOOL:梅山三小',
      'SCHOOL:开发区实验学校',
    ]);
    expect(schools('新建城区小学、实验幼儿园3所。')).toEqual([]);
  });

  it('finds a vocational education centre jieba cut into three words, but not a kind of one', () => {
    expect(schools('开原市职业教育中心与本地6家企业开展订单式培养。')).toEqual(['SCHOOL:开原市职业教育中心']);
    expect(schools('建设区域职业教育中心,大力发展职业教育中心任务。')).toEqual([]);
  });

  it('finds no school in the kinds, figures and groups that real reports write', () => {
    expect(schools('全面推行义务教育学校阳光招生。')).toEqual([]);
    expect(schools('高中阶段学校债务较重;而部分镇村幼儿园生源不足。')).toEqual([]);
    expect(schools('占有党组织学校的58.3%。上好学校思政课。')).toEqual([]);
    expect(schools('重点办好镇驻地学校。县一中与省内优质高中建立合作帮扶关系。')).toEqual(['SCHOOL:县一中']);
    expect(schools('全部达到省定义务教育学校办学基本标准,生均校舍建筑面积小学达到6.8平方米。')).toEqual([]);
    expect(schools('建立县级领导包联学校制度。全面完成中小学幼儿园“一键报警”系统建设。')).toEqual([]);
    expect(schools('学校足球队在县中小学生足球联赛中获小学组第二名。')).toEqual([]);
    expect(schools('镇中心小学被确定为县级客家文化传承基地学校。')).toEqual(['SCHOOL:镇中心小学']);
  });

  it('names each town’s school when towns are listed, counted and share one school name', () => {
    expect(schools('其中刁坊、叶塘、永和三镇中心幼儿园均为2019年新建。')).toEqual([
      'SCHOOL:刁坊镇中心幼儿园',
      'SCHOOL:叶塘镇中心幼儿园',
      'SCHOOL:永和镇中心幼儿园',
    ]);
    // A count that does not match the list, or levels counted, name no school.
    expect(schools('城关、东关三镇中心小学结对。县、乡两级中心学校。')).toEqual([]);
  });

  it('keeps what a review found the new school rules got wrong', () => {
    expect(schools('城关小学组织师生开展防溺水安全教育。')).toEqual(['SCHOOL:城关小学']);
    expect(schools('城北小学达95%以上的学生参加课后服务。')).toEqual(['SCHOOL:城北小学']);
    expect(schools('县一中结对帮扶第五中学。')).toEqual(['SCHOOL:县一中', 'SCHOOL:第五中学']);
    expect(schools('今年我县一高考生获得全省理科第一名。')).toEqual([]);
    expect(schools('把我县打造成为区域性职业教育中心。')).toEqual([]);
    expect(schools('新增公办园、普惠性民办园和村小附属幼儿园15所。')).toEqual([]);
    expect(of('县一中实施青苗培养工程。', 'SCHOOL', 'PROGRAM')).toEqual(['SCHOOL:县一中', 'PROGRAM:青苗培养工程']);
  });

  it('reads the kinds and names the h41–h48 reports showed', () => {
    expect(schools('一是教育投入历史欠账较多，部分镇中心学校仍存在校舍陈旧。')).toEqual([]);
    expect(schools('守好学校意识形态阵地。组织党员到焦裕禄干部学院开展现场教学。')).toEqual([]);
    expect(schools('对3所幼儿园提前教授小学课程内容的问题责令整改。生均公用经费小学每生每年1300元。')).toEqual([]);
    expect(schools('探索举办综合高中试点班。')).toEqual([]);
    expect(schools('由五棵树镇中心校等8所中心校带动。延和朝鲜族学校农民画社团获奖。')).toEqual([
      'SCHOOL:五棵树镇中心校',
      'SCHOOL:延和朝鲜族学校',
    ]);
  });

  it('keeps a level with its vocational kind, an anonymised place and a name cut into characters after building work', () => {
    expect(schools('县职业中等专业学校全年招生720人。市职业中专学校与企业合作。')).toEqual([
      'SCHOOL:县职业中等专业学校',
      'SCHOOL:市职业中专学校',
    ]);
    // (The real place before an anonymised one stays: a partner county's school is not the report's own.)
    expect(schools('与重庆市xx县职教中心开展合作。')).toEqual(['SCHOOL:重庆市xx县职教中心']);
    expect(schools('县实验小学课程改革经验推广,县实验小学每年1200余名学生参加研学。')).toEqual([
      'SCHOOL:县实验小学',
      'SCHOOL:县实验小学',
    ]);
    expect(schools('建设新学校,扩建后小学学位增加,探索举办综合高中试点班。')).toEqual([]);
    expect(schools('城关综合中学新建教学楼,县综合高中招生300人。')).toEqual([
      'SCHOOL:城关综合中学',
      'SCHOOL:县综合高中',
    ]);
    expect(schools('改扩建弓棚子镇中心校等3所学校教学楼。')).toEqual(['SCHOOL:弓棚子镇中心校']);
    expect(schools('新建一所小学。')).toEqual([]);
  });

  it('keeps a school named after its road, and finds none in a count, a state or a campus', () => {
    expect(schools('解放路小学和自由路小学结对。县职业高中新增专业3个。')).toEqual([
      'SCHOOL:解放路小学',
      'SCHOOL:自由路小学',
      'SCHOOL:县职业高中',
    ]);
    expect(schools('新建一个幼儿园,维修危旧小学,改造老校区幼儿园,办好人民满意学校。')).toEqual([]);
    expect(of('推动省第十二次党代会精神进校园。', 'PROGRAM')).toEqual([]);
  });

  it('reads the h49–h52 cases: a file name before a school, a school that plans, hours and fee items', () => {
    expect(schools('学校工作总结.docx芷村镇中心学校2020年工作总结')).toEqual(['SCHOOL:芷村镇中心学校']);
    expect(of('今年市职教中心计划招生1100人。', 'SCHOOL', 'PROGRAM')).toEqual(['SCHOOL:市职教中心']);
    expect(policiesAndPrograms('每天保证学生校内外各1小时体育活动时间,开展清理规范学校收费项目工作。')).toEqual([]);
  });

  it('finds no school in a count of schools of a kind (6所村完小)', () => {
    expect(schools('与两地6所村完小结成帮扶对子。')).toEqual([]);
  });

  it('finds no school in a kind of school, whatever word stands before it', () => {
    expect(schools('有的学校只有一名教师。')).toEqual([]);
    expect(schools('逐步提高农村学校生均公用经费标准。')).toEqual([]);
    expect(schools('力争城区小学班额控制在45人以内。')).toEqual([]);
    expect(schools('让边远学校共享优质资源。')).toEqual([]);
    expect(schools('由城区学校派出骨干教师。')).toEqual([]);
    expect(schools('我县小学全部开设课后服务。')).toEqual([]);
    expect(schools('另有小学2所正在建设。')).toEqual([]);
    expect(schools('山区学校、受援学校和周边学校教师短缺。')).toEqual([]);
    expect(schools('拉萨市区学校和两类学校、核定学校的编制。')).toEqual([]);
    expect(schools('区属学校和镇街学校统一招生。')).toEqual([]);
    // 旗 is a county-level unit (Inner Mongolia): its schools are local names like a county's.
    expect(schools('旗一中、旗第二小学开展交流。')).toEqual(['SCHOOL:旗一中', 'SCHOOL:旗第二小学']);
    expect(schools('办好大塘、仁东等镇中心学校。')).toEqual([]);
    expect(schools('生均公用经费小学、初中分别按每生650元拨付;差异系数小学为0.41。')).toEqual([]);
    expect(schools('形成以随班就读为主体、特教学校为骨干的格局。')).toEqual([]);
  });

  it('finds local names written with the level alone, even where jieba glued a character onto the level', () => {
    expect(schools('并入市职教中心统一管理。')).toEqual(['SCHOOL:市职教中心']);
    expect(schools('以县一中、县第二实验小学为龙头组建集团。')).toEqual(['SCHOOL:县一中', 'SCHOOL:县第二实验小学']);
    expect(schools('县中等职业学校开设专业12个。')).toEqual(['SCHOOL:县中等职业学校']);
    expect(schools('县一幼、县二幼开展党建活动。')).toEqual(['SCHOOL:县一幼', 'SCHOOL:县二幼']);
    // 临江新区: after a place name the level belongs to the place.
    expect(schools('临江新区第二幼儿园投入使用。')).toEqual(['SCHOOL:临江新区第二幼儿园']);
  });

  it('finds names jieba cut into characters it tagged as verbs or numerals, but not the sentence’s own words', () => {
    expect(schools('县中学、禹居中学两所学校试行新制度。')).toEqual(['SCHOOL:县中学', 'SCHOOL:禹居中学']);
    expect(schools('以东洲实验小学、三厂初级中学为核心校。')).toEqual(['SCHOOL:东洲实验小学', 'SCHOOL:三厂初级中学']);
    expect(schools('按规划调整优化学校布局。')).toEqual([]);
    expect(schools('全面实施普通高中课程改革。')).toEqual([]);
    expect(schools('各乡镇成人文化技术学校开展农民培训。')).toEqual([]);
  });

  it('reads 和 before a local name as joining a list, and a school’s building project as the school', () => {
    expect(schools('城关镇、东风街道和县一中作交流发言。')).toEqual(['SCHOOL:县一中']);
    expect(of('推动新建小学和县职教中心实训楼项目开工。', 'SCHOOL', 'PROGRAM')).toEqual(['SCHOOL:县职教中心']);
    expect(of('县一中、二中一本上线人数创新高。', 'SCHOOL', 'POLICY')).toEqual(['SCHOOL:县一中', 'SCHOOL:县二中']);
  });

  it('names each school of a list that writes the shared first part once', () => {
    expect(schools('白鹤镇一小、二小、四小完成改造。')).toEqual([
      'SCHOOL:白鹤镇一小',
      'SCHOOL:白鹤镇二小',
      'SCHOOL:白鹤镇四小',
    ]);
    expect(schools('区一中、五中党委分别建成示范点。')).toEqual(['SCHOOL:区一中', 'SCHOOL:区五中']);
    expect(of('县城一小、三小与乡村学校结对。', 'SCHOOL').length).toBe(2);
    // A plenum is no school list.
    expect(schools('学习十九届二中、三中、四中全会精神。')).toEqual([]);
  });

  it('finds 县完小, 县幼儿园 but no school in 各县幼儿园, 个别学校 or a noun jieba glued 和 onto', () => {
    expect(schools('县中学、县完小党支部被评为先进。')).toEqual(['SCHOOL:县中学', 'SCHOOL:县完小']);
    expect(schools('新建教学楼投入使用,县幼儿园新园建成。')).toEqual(['SCHOOL:县幼儿园']);
    expect(schools('各县幼儿园开展评估。')).toEqual([]);
    expect(schools('个别学校存在大班额。')).toEqual([]);
    expect(schools('开展春秋两季开学检查和义务教育学校办学行为督查。')).toEqual([]);
  });

  it('keeps schools that school work, an area or an ordinal stands beside', () => {
    expect(schools('提升县一中办学水平。')).toEqual(['SCHOOL:县一中']);
    expect(schools('加强县职教中心建设。')).toEqual(['SCHOOL:县职教中心']);
    expect(schools('支持育才中学扩大招生。')).toEqual(['SCHOOL:育才中学']);
    expect(schools('宣汉县城区第一小学新建教学楼。')).toEqual(['SCHOOL:宣汉县城区第一小学']);
    expect(schools('城区一小、城区二小开展交流。')).toEqual(['SCHOOL:城区一小', 'SCHOOL:城区二小']);
    expect(schools('民办育才学校通过年检。')).toEqual(['SCHOOL:育才学校']);
    // 新区 and 矿区 are part of these names, not a glued character before a district's own school.
    expect(schools('新区一中、矿区一中结对。')).toEqual(['SCHOOL:新区一中', 'SCHOOL:矿区一中']);
    expect(schools('做强县职校骨干专业。')).toEqual(['SCHOOL:县职校']);
    // A rare place word jieba took for a verb, before an ordinal name.
    expect(schools('交流轮岗教师120人。下关第三小学、满江小学获评先进。')).toEqual([
      'SCHOOL:下关第三小学',
      'SCHOOL:满江小学',
    ]);
    expect(schools('县特教学校新建康复室。')).toEqual(['SCHOOL:县特教学校']);
    expect(schools('选派青年教师到区实验小学跟岗。')).toEqual(['SCHOOL:区实验小学']);
    expect(schools('向家长通报学校安全工作;全年特殊教育学校送教上门;市直学校和老城区学校大班额。')).toEqual([]);
  });

  it('writes a level standing alone before a named school with the school', () => {
    expect(schools('评选先进党支部。区沙河中学、太白小学获评。')).toEqual(['SCHOOL:区沙河中学', 'SCHOOL:太白小学']);
    expect(schools('全县沙河小学开展活动。')).toEqual(['SCHOOL:沙河小学']);
    expect(schools('取得突破。XX 县龙溪实验中学获评先进。')).toEqual(['SCHOOL:XX县龙溪实验中学']);
  });

  it('reads a place and a numbered school as a school, not a numeric slogan', () => {
    expect(of('配套建设的三里岗一小投入使用。', 'SCHOOL', 'POLICY')).toEqual(['SCHOOL:三里岗一小']);
  });

  it('takes a place and its level character into the name, and undoes a preposition glued onto it', () => {
    // jieba cuts 吴江/区/松陵…, 以东/港/实验小学, and keeps 从化区 whole with a glued-looking first character.
    expect(schools('新建吴江区松陵实验学校。')).toEqual(['SCHOOL:吴江区松陵实验学校']);
    expect(schools('以东港实验小学为龙头组建教育集团。')).toEqual(['SCHOOL:东港实验小学']);
    expect(schools('新建从化区第一中学。')).toEqual(['SCHOOL:从化区第一中学']);
    // jieba tags 介休市 as a verb, and cuts an unknown name after a place into single characters.
    expect(schools('新建介休市东关小学。')).toEqual(['SCHOOL:介休市东关小学']);
    expect(schools('巧家县甴曱高级中学通过验收。')).toEqual(['SCHOOL:巧家县甴曱高级中学']);
    expect(schools('县职业技术学校扩招300人。')).toEqual(['SCHOOL:县职业技术学校']);
  });

  it('leaves kinds of school alone: counted categories, parents’ schools, industry colleges, awarded grades', () => {
    expect(schools('新建乡镇中心幼儿园6所,建设家长学校300所,共建产业学院2个。')).toEqual([]);
    expect(of('推动城市优质学校与农村薄弱学校结对,扩大全市优质学校覆盖面。', 'SCHOOL', 'PROGRAM')).toEqual([]);
    expect(of('城南小学获评省级体育传统项目学校。', 'SCHOOL', 'PROGRAM')).toEqual([
      'SCHOOL:城南小学',
      'PROGRAM:省级体育传统项目学校',
    ]);
  });
});
