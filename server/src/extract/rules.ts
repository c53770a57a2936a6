/** Word lists for the suffix and filter rules. Data, kept apart from the matching code. */

export const SCHOOL_SUFFIXES = [
  '实验学校', '中心小学', '中心学校', '中心校', '纪念小学', '职业技术学校', '职业中学', '幼儿园',
  '中学', '小学', '学校', '完小', '职专', '职中', '附中', '附小', '大学', '学院',
  '一中', '二中', '三中', '四中', '五中', '六中', '七中', '八中', '九中', '十中',
];

/** Prefixes that make "<prefix>中学" a category, not a named school. */
export const GENERIC_SCHOOL_PREFIXES = new Set([
  '农村', '城区', '城镇', '乡村', '乡镇', '普通', '初级', '高级', '完全', '公办', '民办', '全县', '全市', '全区',
  '全省', '全国', '各', '各级', '各类', '所有', '中小学', '重点', '薄弱', '寄宿制', '义务教育', '职业', '新建',
  '一所', '这所', '每所', '所', '我', '本', '该', '各所', '城乡', '县城', '市区', '辖区', '高等', '中等', '示范',
  '优质', '特色', '标准化', '非', '小规模', '教学点', '民族', '片区', '中心', '实验', '幼', '附属', '重点高',
  '省级', '市级', '县级', '国家级', '全日制', '九年一贯制', '十二年一贯制', '一贯制', '乡', '镇', '村', '县', '市', '区',
  '普惠性', '特殊教育', '中等职业', '技术', '部分', '现有', '局部', '一批', '批', '地区', '阶段', '村级', '规范', '改革',
  '学历', '二类', '一类', '年度', '深化', '助推', '德育', '特色', '合理', '规划', '改扩建', '私立', '试点', '贫困',
]);

/** Tokens that end a school name walking backwards (enumerators, years). */
export const SCHOOL_NAME_BREAK = /^(?:[一二三四五六七八九十]是|年|年度|\d+年)$/u;

/** Category words that share a school suffix (中小学 ends in 小学). */
export const NOT_SCHOOL_ENDINGS = ['中小学', '中小学校', '大中小学', '高等学校'];

/** jieba POS tags that can be part of a proper name. */
export const NAME_TAGS = new Set(['ns', 'nr', 'nrt', 'nz', 'x', 'n', 'j', 'm', 'nt', 'ng', 'eng', 'l', 'vn', 'b']);

export const PLACE_SUFFIXES = ['自治州', '自治县', '省', '市', '州', '县', '区', '镇', '乡', '村', '街道'];

/** Words ending in a place suffix that are not places. */
export const NOT_PLACES = new Set([
  '全县', '全市', '全区', '全省', '全州', '全镇', '全乡', '本县', '本市', '本区', '我县', '我市', '我区', '我省',
  '该县', '该市', '该区', '城区', '市区', '县区', '辖区', '社区', '园区', '校区', '小区', '山区', '地区', '片区',
  '景区', '矿区', '老区', '新区', '城市', '都市', '超市', '县市', '省市', '各县', '各市', '各区', '乡村', '农村',
  '城乡', '各乡', '各镇', '乡镇', '集镇', '城镇', '村村', '区县', '县乡', '市县', '上市', '开市', '门市', '股市',
  '教区', '学区', '误区', '盲区', '灾区', '牧区', '郊区', '城郊区', '贫困县', '贫困村', '示范县', '强县', '大县',
  '市州', '外省', '省区', '边区', '特区', '湾区', '考区', '同城市', '中考', '高考', '成人高考', '二本', '一本', '新建',
  '治安', '惠及', '深度', '爱国', '满意度', '先进县', '强区', '强县', '强市', '大中城市', '行政村', '两镇', '东区',
]);

/** A suffix-rule place cannot start with a function word (对省, 和市, 获省). */
export const PLACE_BAD_FIRST_CHAR = /^[对和与获含各为在向从由至及把被将等同]/u;

export const PROGRAM_SUFFIXES = ['工程', '计划', '行动', '项目', '工作室', '示范县', '活动'];

/** `Xx县`, `xx市`, `XX一中`: a real mention of an unknown place or school. */
export const ANONYMISED = /^(?:[Xx×*]{1,3}|某)/u;
