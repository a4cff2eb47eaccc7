package filingtest

// Data the generators need that package filing does not export. Everything
// else (provinces, natures, certificate types, pre-approval categories,
// approved TLDs, mobile segments, landline lengths, province rules) is taken
// from filing at run time; the values below are checked against filing's own
// checks by the package tests.

// place is one real county-level division per province: the provincial
// capital's central district.
type place struct {
	province string // GB/T 2260 province code
	county   string // GB/T 2260 six-digit code of the district
	city     string // prefecture-level city; "" for the four municipalities
	district string
	area     string // landline area code of the city, with the trunk 0
}

// places holds one district per province, with its landline area code.
//
// Sources: the six-digit codes are GB/T 2260 county-level codes of the
// provincial capitals' central districts as published by the Ministry of
// Civil Affairs (中华人民共和国县以上行政区划代码,
// https://www.mca.gov.cn/mzsj/xzqh/2023/202301xzqh.html); filing checks
// only their province part (data/regions.json), and the package tests check
// that every province of filing.Provinces() has exactly one entry. The area
// codes are those of the capitals in the national numbering plan (the
// libphonenumber CN fixed-line metadata that filing's data/area_codes.json
// is built from); the subscriber length of each is not copied but asked of
// contact.CheckLandline.
var places = []place{
	{"11", "110105", "", "朝阳区", "010"},
	{"12", "120101", "", "和平区", "022"},
	{"13", "130102", "石家庄市", "长安区", "0311"},
	{"14", "140105", "太原市", "小店区", "0351"},
	{"15", "150102", "呼和浩特市", "新城区", "0471"},
	{"21", "210102", "沈阳市", "和平区", "024"},
	{"22", "220102", "长春市", "南关区", "0431"},
	{"23", "230102", "哈尔滨市", "道里区", "0451"},
	{"31", "310101", "", "黄浦区", "021"},
	{"32", "320102", "南京市", "玄武区", "025"},
	{"33", "330106", "杭州市", "西湖区", "0571"},
	{"34", "340104", "合肥市", "蜀山区", "0551"},
	{"35", "350102", "福州市", "鼓楼区", "0591"},
	{"36", "360102", "南昌市", "东湖区", "0791"},
	{"37", "370102", "济南市", "历下区", "0531"},
	{"41", "410105", "郑州市", "金水区", "0371"},
	{"42", "420106", "武汉市", "武昌区", "027"},
	{"43", "430102", "长沙市", "芙蓉区", "0731"},
	{"44", "440106", "广州市", "天河区", "020"},
	{"45", "450103", "南宁市", "青秀区", "0771"},
	{"46", "460106", "海口市", "龙华区", "0898"},
	{"50", "500103", "", "渝中区", "023"},
	{"51", "510104", "成都市", "锦江区", "028"},
	{"52", "520102", "贵阳市", "南明区", "0851"},
	{"53", "530102", "昆明市", "五华区", "0871"},
	{"54", "540102", "拉萨市", "城关区", "0891"},
	{"61", "610104", "西安市", "莲湖区", "029"},
	{"62", "620102", "兰州市", "城关区", "0931"},
	{"63", "630102", "西宁市", "城东区", "0971"},
	{"64", "640104", "银川市", "兴庆区", "0951"},
	{"65", "650102", "乌鲁木齐市", "天山区", "0991"},
}

// syllable is a Chinese word with its pinyin (no tones), for names that
// need an ASCII form (e-mail local parts, domain labels).
type syllable struct{ han, latin string }

// surnames are common Chinese surnames. None of them, nor any given-name
// character below, is an organisation marker of filing.Judge, so that every
// generated name of two or three characters judges as a personal name.
var surnames = []syllable{
	{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"},
	{"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"},
	{"马", "ma"}, {"朱", "zhu"}, {"胡", "hu"}, {"郭", "guo"}, {"何", "he"}, {"林", "lin"},
	{"罗", "luo"}, {"郑", "zheng"}, {"梁", "liang"}, {"谢", "xie"}, {"宋", "song"}, {"唐", "tang"},
	{"韩", "han"}, {"冯", "feng"}, {"邓", "deng"}, {"曹", "cao"}, {"彭", "peng"}, {"曾", "zeng"},
	{"肖", "xiao"}, {"田", "tian"}, {"董", "dong"}, {"潘", "pan"}, {"袁", "yuan"}, {"蔡", "cai"},
	{"蒋", "jiang"}, {"余", "yu"}, {"杜", "du"}, {"叶", "ye"}, {"程", "cheng"}, {"魏", "wei"},
	{"苏", "su"}, {"吕", "lv"}, {"丁", "ding"}, {"沈", "shen"}, {"姚", "yao"}, {"卢", "lu"},
	{"崔", "cui"}, {"钟", "zhong"}, {"谭", "tan"}, {"陆", "lu"}, {"范", "fan"}, {"廖", "liao"},
	{"石", "shi"}, {"金", "jin"}, {"贾", "jia"}, {"夏", "xia"}, {"方", "fang"}, {"白", "bai"},
	{"邹", "zou"}, {"孟", "meng"}, {"熊", "xiong"}, {"秦", "qin"}, {"尹", "yin"}, {"薛", "xue"},
	{"雷", "lei"}, {"龙", "long"}, {"陶", "tao"}, {"贺", "he"}, {"顾", "gu"}, {"毛", "mao"},
}

// givenNames are characters of given names.
var givenNames = []syllable{
	{"伟", "wei"}, {"芳", "fang"}, {"娜", "na"}, {"敏", "min"}, {"静", "jing"}, {"丽", "li"},
	{"强", "qiang"}, {"磊", "lei"}, {"洋", "yang"}, {"勇", "yong"}, {"艳", "yan"}, {"杰", "jie"},
	{"娟", "juan"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"}, {"秀", "xiu"}, {"英", "ying"},
	{"霞", "xia"}, {"平", "ping"}, {"刚", "gang"}, {"桂", "gui"}, {"兰", "lan"}, {"玉", "yu"},
	{"萍", "ping"}, {"红", "hong"}, {"鹏", "peng"}, {"华", "hua"}, {"飞", "fei"}, {"鑫", "xin"},
	{"波", "bo"}, {"宁", "ning"}, {"欣", "xin"}, {"怡", "yi"}, {"浩", "hao"}, {"然", "ran"},
	{"轩", "xuan"}, {"涵", "han"}, {"雨", "yu"}, {"婷", "ting"}, {"思", "si"}, {"远", "yuan"},
	{"嘉", "jia"}, {"俊", "jun"}, {"文", "wen"}, {"博", "bo"}, {"宇", "yu"}, {"航", "hang"},
	{"晨", "chen"}, {"阳", "yang"}, {"志", "zhi"}, {"建", "jian"}, {"新", "xin"}, {"海", "hai"},
	{"燕", "yan"}, {"丹", "dan"}, {"琳", "lin"}, {"颖", "ying"}, {"诗", "shi"}, {"雅", "ya"},
	{"佳", "jia"}, {"琪", "qi"}, {"梦", "meng"}, {"瑶", "yao"}, {"雪", "xue"}, {"晴", "qing"},
	{"梓", "zi"}, {"泽", "ze"}, {"睿", "rui"}, {"昊", "hao"}, {"哲", "zhe"}, {"凯", "kai"},
	{"峰", "feng"}, {"辉", "hui"}, {"慧", "hui"}, {"洁", "jie"},
}

// brands are two-character words for the names of organisations and
// websites and for domain labels.
var brands = []syllable{
	{"星辰", "xingchen"}, {"云海", "yunhai"}, {"青松", "qingsong"}, {"明德", "mingde"},
	{"华彩", "huacai"}, {"启航", "qihang"}, {"远山", "yuanshan"}, {"蓝天", "lantian"},
	{"绿洲", "lvzhou"}, {"金桥", "jinqiao"}, {"银河", "yinhe"}, {"春晖", "chunhui"},
	{"秋实", "qiushi"}, {"晨光", "chenguang"}, {"朗月", "langyue"}, {"清风", "qingfeng"},
	{"长风", "changfeng"}, {"锦绣", "jinxiu"}, {"鼎盛", "dingsheng"}, {"恒信", "hengxin"},
	{"博雅", "boya"}, {"致远", "zhiyuan"}, {"天行", "tianxing"}, {"飞鸿", "feihong"},
	{"景泰", "jingtai"}, {"嘉禾", "jiahe"}, {"同舟", "tongzhou"}, {"知行", "zhixing"},
	{"宏图", "hongtu"}, {"翰墨", "hanmo"}, {"映雪", "yingxue"}, {"若水", "ruoshui"},
	{"山河", "shanhe"}, {"凌云", "lingyun"}, {"海纳", "haina"}, {"泰和", "taihe"},
	{"安澜", "anlan"}, {"新禾", "xinhe"}, {"北辰", "beichen"}, {"南风", "nanfeng"},
}

// Words of organisation names, addresses and websites.
var (
	industries     = []string{"网络科技", "信息技术", "文化传媒", "电子商务", "软件开发", "数据服务", "智能科技", "数字科技"}
	associations   = []string{"软件行业", "电子商务", "互联网", "文化创意", "信息安全", "数字经济"}
	governments    = []string{"街道办事处", "镇人民政府"}
	institutions   = []string{"信息中心", "图书馆", "中学", "研究院", "档案馆"}
	streets        = []string{"人民路", "解放路", "中山路", "建设路", "长江路", "黄河路", "和平路", "新华路", "文化路", "友谊路", "胜利路", "光明路"}
	websiteSuffix  = []string{"官网", "在线", "服务平台", "商城", "博客", "笔记", "导航", "文档"}
	emailDomains   = []string{"example.com", "example.net", "example.org"} // RFC 2606 reserved names
	asciiTLDs      = []string{"com", "cn", "net", "com.cn", "net.cn", "top", "xyz", "vip", "site", "online", "tech", "shop", "club", "info", "ltd", "wang"}
	idnTLDs        = []string{"中国", "公司", "网络"}
	serviceContent = map[string][]string{
		"individual":   {"个人博客，记录学习和生活", "个人作品展示", "技术笔记分享"},
		"enterprise":   {"企业官网，介绍公司业务和产品", "产品展示和售后服务", "企业招聘和联系方式"},
		"government":   {"政务信息公开和办事指南"},
		"institution":  {"单位介绍和公共服务信息"},
		"social_group": {"协会介绍和会员服务"},
	}
)
