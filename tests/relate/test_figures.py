import pytest
from rules_only import context

from pipeline.relate.figures import find_figures


def figures(text):
    return [(f.text, f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("一共放出约20万个号码", [("约20万个号码", 200_000, "个")]),
        ("实际有效用户应该占比约10%", [("约10%", 0.1, "%")]),
        ("虚拟运营商用户达到40万", [("40万", 400_000, "户")]),
        ("公司用户数突破三千万用户", [("三千万用户", 30_000_000, "户")]),
        ("营收1.5亿元", [("1.5亿元", 150_000_000, "元")]),
        ("市场份额百分之三十", [("百分之三十", 0.3, "%")]),
        ("拥有超过1500家店面", [("超过1500家", 1500, "家")]),
        ("10多万用户", [("10多万用户", 100_000, "户")]),
        ("工信部分两批发放牌照", [("两批", 2, "批")]),
        ("利润总额首次突破百亿，达到", [("百亿", 10_000_000_000, None)]),
        ("营业收入为人民币 4750 亿元，", [("4750 亿元", 475_000_000_000, "元")]),
        ("股价为 4.21 港元", [("4.21 港元", 4.21, "港元")]),
        ("增速提高3.2个百分点", [("3.2个百分点", 3.2, "个百分点")]),
        ("TD-LTE两种", [("两种", 2, "种")]),
        ("光缆线路长度达到3000公里", [("3000公里", 3000, "公里")]),
        ("覆盖面积达120平方公里", [("120平方公里", 120, "平方公里")]),
        ("机房面积1.2万平方米", [("1.2万平方米", 12_000, "平方米")]),
        ("建设5000个基站和2000个站点", [("5000个基站", 5000, "个"), ("2000个站点", 2000, "个")]),
        ("5G基站超过300万", [("超过300万", 3_000_000, "个")]),
        ("三家基础电信企业的用户", [("三家", 3, "家")]),  # a count, unlike 三大运营商
        ("累计服务1200万人次", [("1200万人次", 12_000_000, "人次")]),
        ("融资5000万欧元", [("5000万欧元", 50_000_000, "欧元")]),
        ("举办了5场发布会", [("5场", 5, "场")]),
        ("净利润同比-5%", [("-5%", -0.05, "%")]),  # a negative value keeps its sign
        ("增速为－12.5%", [("－12.5%", -0.125, "%")]),
        ("携转率在0.3%-0.5%之间", [("0.3%-0.5%", 0.003, "%")]),  # a range's dash is no sign
        ("出售109亿股", [("109亿股", 10_900_000_000, "股")]),
        ("出货量达2.3亿部", [("2.3亿部", 230_000_000, "部")]),
    ],
)
def test_figures_are_normalised(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # measure words and units news counts in
        ("京东完成了三轮融资", [("三轮", 3, "轮")]),
        ("双十一当天平台共处理120万单", [("120万单", 1_200_000, "单")]),
        ("与8所高校共建实验室", [("8所", 8, "所")]),
        ("新用户首月资费打五折", [("五折", 0.5, "折")]),
        ("云存储容量达到20PB", [("20PB", 20, "PB")]),
        ("宽带速率从50Mbps提升到1Gbps", [("50Mbps", 50, "Mbps"), ("1Gbps", 1, "Gbps")]),
        # fractions: the share they name
        ("物联网连接占到三分之一", [("三分之一", 0.333333333333, "%")]),
        ("近四分之一的用户来自农村", [("近四分之一", 0.25, "%")]),
        ("投诉率低于千分之二", [("低于千分之二", 0.002, "%")]),
        # a fraction written with a slash is a share with no unit word
        ("该省以全国1/20的基站服务了1/12的用户", [("1/20", 0.05, None), ("1/12", 0.0833333333333, None)]),
        ("物联网收入已占到1/4多", [("1/4多", 0.25, None)]),
        ("约2/3的虚商仍在亏损", [("约2/3", 0.666666666667, None)]),
        # cases, and the spoken N个亿
        ("全年共破获电信诈骗案300余宗", [("300余宗", 300, "宗")]),
        ("警方通报了12宗案件", [("12宗", 12, "宗")]),
        ("这家虚商去年亏了3个亿", [("3个亿", 300_000_000, "个亿")]),
        ("公司新融资5个亿，", [("5个亿", 500_000_000, "个亿")]),
        # a rate keeps what it is per
        ("宽带普及率达到35.6户/百人", [("35.6户/百人", 35.6, "户")]),
        ("国际漫游资费降至0.5元/分钟", [("0.5元/分钟", 0.5, "元")]),
        ("定向流量包为10元/月", [("10元/月", 10, "元")]),
    ],
)
def test_measure_words_and_fractions_are_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # G is a data allowance in a clause about data
        ("每月赠送30G通用流量和100分钟通话", [("30G", 30, "G"), ("100分钟", 100, "分钟")]),
        ("校园卡月租19元,含20G定向流量", [("19元", 19, "元"), ("20G", 20, "G")]),
        ("该省用户月均流量已达2.4G。", [("2.4G", 2.4, "G")]),
        # ... not a network generation's traffic, a band, or a technology's name
        ("4G流量资费下降了30%", [("30%", 0.3, "%")]),
        ("3.5G 100MHz频谱用于试验", []),
        ("10GPON承载的流量翻番", []),
    ],
)
def test_data_allowances_in_g_are_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("这是省内唯一一家获得试点资格的虚商", []),
        ("运营商统一一个接口标准", []),
        ("万一一个号码被盗用，损失由谁承担", []),
        ("用户达一万一千户", [("一万一千户", 11_000, "户")]),  # a numeral of its own still counts
    ],
)
def test_a_one_that_ends_a_word_starts_no_numeral(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 几 after a number means "more than", as 多 and 余 do
        ("市场上只剩十几家虚商", [("十几家", 10, "家")]),
        ("平台已吸引十几万用户", [("十几万用户", 100_000, "户")]),
        ("铺设了二十几个网点", [("二十几个", 20, "个")]),
        # a multiplier after 多 still scales an Arabic number with its own magnitude
        ("累计发展3千多万用户", [("3千多万用户", 30_000_000, "户")]),
        ("项目投资5百多万元", [("5百多万元", 5_000_000, "元")]),
        ("京东卖出1千余万台", [("1千余万台", 10_000_000, "台")]),
    ],
)
def test_more_than_a_number_is_the_number(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", ["几十家企业获得牌照", "数十家厂商参展", "好几十个城市开通", "数百万用户受影响"])
def test_a_loose_tens_or_hundreds_is_no_figure(text):
    assert figures(text) == []


def ranges(text):
    return [(f.text, f.value, f.value_max, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the lower bound takes the upper's multiplier; it is the value, the upper the value_max
        ("预计明年新增用户30-50万户", [("30-50万户", 300_000, 500_000, "户")]),
        ("单价在1.5万至2万元之间", [("1.5万至2万元", 15_000, 20_000, "元")]),
        ("资费下调8%～12%", [("8%～12%", 0.08, 0.12, "%")]),
        ("月租为9元-19元不等", [("9元-19元", 9, 19, "元")]),  # the dash is no minus
        # two digits side by side are a range too
        ("已有两三家虚商退出", [("两三家", 2, 3, "家")]),
        ("七八成的号码闲置", [("七八成", 0.7, 0.8, "%")]),
        ("三四十家企业提出申请", [("三四十家", 30, 40, "家")]),
        # Chinese numerals make ranges too
        ("每年新增十至二十家企业", [("十至二十家", 10, 20, "家")]),
        ("预计可节省三千亿到四千五百亿元", [("三千亿到四千五百亿元", 300_000_000_000, 450_000_000_000, "元")]),
        ("计划分两至三批发放", [("两至三批", 2, 3, "批")]),
        # a change from one amount to another is two figures; a single one has no value_max
        ("用户从20万户到35万户", [("20万户", 200_000, None, "户"), ("35万户", 350_000, None, "户")]),
        ("由5%增至8%", [("5%", 0.05, None, "%"), ("8%", 0.08, None, "%")]),
        ("同比-5%", [("-5%", -0.05, None, "%")]),
    ],
)
def test_a_range_is_one_figure_from_its_lower_to_its_upper_bound(text, expected):
    assert ranges(text) == expected


@pytest.mark.parametrize(
    "text", ["2019-2021年间", "客服电话010-12345678", "型号A-100", "1-3月", "第1-3批试点", "排名前3至5名", "每2～3个月"]
)
def test_dated_and_coded_ranges_are_not_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "发放牌照近10个月",
        "9月26日正式发布",
        "8核游戏手机",
        "发放170号码",
        "第四批牌照",
        "仅前三家虚拟运营商",
        "前期投入至少上千万",
        "后面还有上百家企业",
        "一位虚拟运营商大佬",
        "微信：maoqiying2008",
        "三基础运营商",
        "推进万卡集群投产",
        "千元以下的手机",
        "保持两位数增长",
        "开展二次实名核验",
        "三大运营商",
        "获得900MHz频段",
        "使用2.6GHz频段",
        "部署700兆赫频段",
        "合建700M Hz网络",
        "启用2.1G Hz频段",
        "在5个工作日内退款",
        "10个交易日后复牌",
        "15个自然日内处理完毕",
        "日期写作2021/12/3",
        "开放170/171号段",
    ],
)
def test_dates_ranks_ids_and_vague_amounts_are_not_figures(text):
    assert figures(text) == []


def test_offsets_point_at_the_figure():
    text = "迪信通打算将募股金额56%用于扩张"
    (f,) = find_figures(text)
    assert text[f.start : f.end] == f.text == "56%"


def subjects(text):
    """Each figure's subject, the sentences read in turn as extract does (speech left out)."""
    from pipeline.relate.figures import next_topic, sentence_figures

    ctx, topic, out = context(text), None, []
    for sent in ctx.sentences:
        out += [(f.text, f.subject) for f in sentence_figures(sent, ctx, topic, [])]
        topic = next_topic(sent, topic)
    return out


def test_a_figure_measures_the_organisation_of_its_clause_in_article_offsets():
    from pipeline.relate.figures import sentence_figures

    text = "前言\n中国联通表示，分享通信的用户超过50万户。"
    ctx = context(text)
    [f] = sentence_figures(ctx.sentences[-1], ctx, None, [])
    assert (f.text, f.subject, text[f.start : f.end]) == ("超过50万户", "分享通信", "超过50万户")


def test_without_one_in_its_clause_the_company_that_opens_the_sentence():
    assert subjects("分享通信去年发展顺利，目前已超过50万户。") == [("超过50万户", "分享通信")]
    # the clause's subject is the whole trade, no one company
    assert subjects("分享通信去年发展顺利，虚拟运营商已超过500万户。") == [("超过500万户", None)]


def test_the_topic_carries_to_later_sentences_until_another_organisation_takes_it():
    text = "上半年，分享通信实现营业收入12亿元。移动用户ARPU达到44.4元。工信部发布通知。今年新增用户约5万户。"
    assert subjects(text) == [("12亿元", "分享通信"), ("44.4元", "分享通信"), ("约5万户", None)]


def test_a_count_of_organisations_measures_none_unless_a_company_counts_its_own():
    assert subjects("工信部数据显示，共有42家企业获得牌照。") == [("42家", None)]
    assert subjects("工信部表示，目前有15家企业用户超过百万。") == [("15家", None), ("超过百万", None)]
    assert subjects("迪信通在全国拥有超过1500家店面。") == [("超过1500家", "迪信通")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("国资委上月约谈了8家中央企业。", [("8家", "国资委")]),
        ("北京市通信管理局去年共查处了25家违规企业。", [("25家", "北京市通信管理局")]),
        ("市场监管总局已对6家电商平台罚款。", [("6家", "国家市场监督管理总局")]),
    ],
)
def test_a_count_of_the_organisations_an_organisation_acts_on_is_its_own(text, expected):
    assert subjects(text) == expected


def test_an_executive_reports_the_company_he_works_for():
    from pipeline.records import Statement
    from pipeline.relate.figures import next_topic, sentence_figures

    text = "工信部召开座谈会，分享通信总经理张伟出席。张伟表示，今年用户将达到300万户。"
    ctx = context(text)
    first, second = ctx.sentences
    topic = next_topic(first, None)
    assert topic is None  # the first sentence is the ministry's
    said = Statement("张伟", None, "表示", "今年用户将达到300万户", [], text.index("今年"), len(text) - 1)
    assert [f.subject for f in sentence_figures(second, ctx, topic, [said])] == ["分享通信"]
    assert [f.subject for f in sentence_figures(second, ctx, topic, [])] == [None]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "截至6月底，中国移动、中国联通的5G用户分别为3亿户、1.5亿户。",
            [("3亿户", "中国移动"), ("1.5亿户", "中国联通")],
        ),
        ("小米和京东的门店分别达到200家和350家。", [("200家", "小米"), ("350家", "京东")]),
        ("去年，华为与中兴通讯的营收分别增长10%和8%。", [("10%", "华为"), ("8%", "中兴通讯")]),
    ],
)
def test_distributive_figures_go_to_the_listed_organisations_in_turn(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "中国移动和中国联通共建共享了10万个基站。",
        "京东与小米联合投资5亿元成立合资公司。",
        "目前，小米、迪信通等18家企业获得牌照。",
    ],
)
def test_a_figure_two_listed_organisations_share_measures_neither(text):
    assert [s for _, s in subjects(text)] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "中国联通成为三家国有电信公司中第一家公布方案的公司。",
        "京东是首批11家获得牌照的企业之一。",
        "小米在五家参与测试的企业中最早完成。",
    ],
)
def test_a_count_of_a_group_an_organisation_belongs_to_measures_none(text):
    assert [s for _, s in subjects(text)] == [None]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("工信部批准了中国移动的申请。其5G用户已达3亿户。", [("3亿户", "中国移动")]),
        ("国资委表示，中国联通混改顺利。其中，其营收达到3000亿元。", [("3000亿元", "中国联通")]),
        ("工信部向京东发放了牌照，其用户已达100万户。", [("100万户", "京东")]),
    ],
)
def test_its_figure_measures_the_organisation_named_last(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 该公司 points back at the organisation named before, even in what an unnamed source says
        ("分享通信近日话题不断。随后有消息称，该公司欠债5000万元。", [("5000万元", "分享通信")]),
        ("记者联系了远特通信。知情人士透露，该公司用户已达80万户。", [("80万户", "远特通信")]),
        ("京东推出新套餐，这家公司的用户已达200万户。", [("200万户", "京东")]),
    ],
)
def test_the_company_named_before_is_what_a_demonstrative_measures(text, expected):
    from pipeline.extract import extract
    from pipeline.records import Article

    assert [(f.text, f.subject) for f in extract(Article(doc="t", text=text)).figures] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the company named last that reports its own figures, not the regulator or the analyst after it
        ("工信部向分享通信发放了正式牌照。公司今年用户已超过80万户。", [("超过80万户", "分享通信")]),
        ("高盛发布报告，首次覆盖中国移动。我们预计公司明年每股收益增长8%。", [("8%", "中国移动")]),
        # an executive's 公司 is the company he works for
        ("中国联通下调了批发价。分享通信总经理张伟表示，公司毛利率因此提升至15%。", [("15%", "分享通信")]),
        # a 子公司 or the object of a preposition is no word for the company
        ("工信部向分享通信发放了牌照。在合作公司中约有30%已接入。", [("30%", None)]),
    ],
)
def test_the_company_a_bare_gong_si_stands_for_is_what_it_measures(text, expected):
    from pipeline.extract import extract
    from pipeline.records import Article

    assert [(f.text, f.subject) for f in extract(Article(doc="t", text=text)).figures] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国移动与华为签署协议，计划年内建设5万个基站。", [("5万个基站", "中国移动")]),
        ("中国联通在发布会上感谢了阿里巴巴的支持，全年营收达到3000亿元。", [("3000亿元", "中国联通")]),
        ("京东今年从苏宁挖来多名高管，用户已突破300万户。", [("300万户", "京东")]),
        ("摩根大通认为中国移动表现强劲，目标价为90港元。", [("90港元", "中国移动")]),
    ],
)
def test_the_company_that_opens_the_sentence_is_what_its_later_clauses_measure(text, expected):
    assert subjects(text) == expected


def test_a_company_the_opening_one_owns_right_after_it_is_what_they_measure():
    assert subjects("去年中国电信天翼云发展迅速，收入增长超过100%。") == [("超过100%", "天翼云")]


def test_other_companies_figures_measure_none():
    assert subjects("中国电信与华为签约。其他企业的用户达到500万户。") == [("500万户", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("京东发布财报。工信部《通知》提出，到2020年基站达到150万个。", [("150万个", None)]),
        ("小米公布了用户数。中国信通院预计，明年市场规模将达到500亿元。", [("500亿元", None)]),
        ("中国联通发布公告。国资委表示，今年将投入200亿元。", [("200亿元", None)]),
    ],
)
def test_a_sentence_only_other_organisations_open_takes_no_topic(text, expected):
    assert subjects(text)[-1:] == expected


@pytest.mark.parametrize(
    "text, source",
    [
        ("小米发布新套餐。一位业内人士表示，每张卡每月赚不到两块钱。", "业内人士"),
        ("京东公布了用户数。知情人士透露，用户已超过50万户。", "知情人士"),
        ("分享通信召开发布会。某虚商老板称，去年亏损了3000万元。", "某虚商老板"),
    ],
)
def test_what_an_unnamed_source_says_measures_no_company(text, source):
    from pipeline.records import Statement
    from pipeline.relate.figures import next_topic, sentence_figures

    ctx = context(text)
    first, second = ctx.sentences
    content = second.span.text.split("，", 1)[1]
    said = Statement(None, source, "表示", content, [], text.index(content), len(text) - 1)
    assert [f.subject for f in sentence_figures(second, ctx, next_topic(first, None), [said])] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "小米、京东等9家企业被通报。抽查发现违规网点15个，违规比为12.5%。",
        "中国移动与中国电信签署共建协议。双方计划新建基站8万个。",
        "华为和中兴通讯参加了招标。中标金额合计约30亿元。",
    ],
)
def test_a_sentence_that_opens_with_a_list_sets_no_topic(text):
    assert {s for _, s in subjects(text)} == {None}


@pytest.mark.parametrize(
    "text",
    [
        "360公司发布的监测数据显示，上月拦截的骚扰电话中，170号段占比达到35%。",
        "小米发布新机。腾讯手机管家监测到，一季度诈骗电话约2000万个，其中虚商号码占12%。",
        "阿里巴巴的调查数据显示，近四成受访用户用过虚商的卡。全国虚商用户约6000万户。",
    ],
)
def test_what_a_source_observed_measures_no_one(text):
    assert {s for _, s in subjects(text)} == {None}


def test_a_company_s_own_data_stay_its_own():
    assert subjects("中国电信数据显示，其5G用户达到2亿户。") == [("2亿户", "中国电信")]


@pytest.mark.parametrize(
    "text",
    [
        "广电获得700MHz频段。700M覆盖好，适合农村。",
        "中国联通将900M Hz用于4G。运营商普遍看好900M的覆盖。",
        "双方合建800M网络，因为800MHz信号穿墙强。",
    ],
)
def test_a_band_written_short_where_the_article_writes_its_frequency_is_no_figure(text):
    assert subjects(text) == []


def test_a_bandwidth_in_megabits_stays_a_figure():
    assert [t for t, _ in subjects("家庭宽带提速到100M。5G使用3.5GHz频段。")] == ["100M"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("分析师给出了两点理由：成本高，用户少。", [("两点", 2, "点")]),
        ("董事长对员工提出三点要求", [("三点", 3, "点")]),
        ("转正需要满足条件，小米已经做到了这四点。", [("四点", 4, "点")]),
    ],
)
def test_points_made_are_counted(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", ["会议于下午三点召开", "发布会定在10点，", "凌晨两点半完成割接"])
def test_a_clock_time_is_no_count_of_points(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "小米认为，手机行业已经经历了三个时代。",
        "京东称，虚商亏损的原因有两个。",
        "中国联通分析了下滑，并指出三点原因。",
    ],
)
def test_a_count_of_an_arguments_parts_measures_no_one(text):
    assert {s for _, s in subjects(text)} == {None}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通的转售业务发展较快，已有5家转售企业的用户超过100万户。", [("5家", None), ("超过100万户", None)]),
        ("小米表示，目前有3家企业营收超过10亿元。", [("3家", None), ("超过10亿元", None)]),
        ("京东称，共有20家品牌商的订单量已突破1万单。", [("20家", None), ("1万单", None)]),
    ],
)
def test_what_follows_a_count_of_organisations_in_its_clause_is_theirs_together(text, expected):
    assert subjects(text) == expected


def test_a_companys_own_stores_counted_before_a_figure_leave_it_the_companys():
    assert subjects("迪信通旗下1500家门店的营收达50亿元。") == [("1500家", "迪信通"), ("50亿元", "迪信通")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通计划分三个阶段推进混改。", [("三个", "中国联通")]),
        ("蜗牛移动做好了这三点。", [("三点", "蜗牛移动")]),
    ],
)
def test_a_count_of_an_organisations_own_steps_is_its_own(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通发布财报。物联网连接数行业占比超过30%。", [("超过30%", "中国联通")]),
        ("小米公布了出货量，全球份额达到14%。", [("14%", "小米")]),
        ("中国移动发布年报。5G基站全国占比约六成。", [("约六成", "中国移动")]),
    ],
)
def test_the_trade_as_the_base_of_a_share_leaves_the_share_the_companys(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("蜗牛移动拖欠中国移动5000万元结算款。", [("5000万元", "蜗牛移动")]),
        ("据报道，小米尚欠中国联通约1.2亿元。", [("约1.2亿元", "小米")]),
        ("京东欠下华为2000万元货款。", [("2000万元", "京东")]),
    ],
)
def test_a_debt_is_the_debtors_not_the_creditors(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通向腾讯出售了10亿股股份。", [("10亿股", "中国联通")]),
        ("蜗牛移动已向中国联通支付3000万元结算款。", [("3000万元", "蜗牛移动")]),
        ("据悉，京东将向苏宁转让200家门店。", [("200家", "京东")]),
        ("中国移动去年向华为采购了10万个基站。", [("10万个基站", "中国移动")]),
    ],
)
def test_what_is_handed_to_a_recipient_is_the_givers(text, expected):
    assert subjects(text) == expected


def test_a_stake_bought_from_a_seller_is_of_the_sellers_assets():
    assert subjects("中国广电将向中国移动购买50%的基站资产。") == [("50%", "中国移动")]


@pytest.mark.parametrize(
    "text",
    [
        "分享通信去年用户增长很快。截至去年底，中国已建成超过200万个5G基站。",
        "分享通信发布年报。今年一季度，全国的移动流量增长了15%，但收入仅增长1%。",
        "分享通信表示压力不小。其他12个省份自上月起试运行，共发放授权码3.5万个。",
    ],
)
def test_a_national_total_measures_no_company(text):
    assert {s for _, s in subjects(text)} == {None}


def test_a_newspaper_named_china_is_no_nation():
    assert subjects("分享通信发布年报。据中国日报报道，今年新增用户约5万户。") == [("约5万户", "分享通信")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通的5G用户比中国电信多2000万户。", [("2000万户", "中国联通")]),
        ("小米发布年报，其用户较京东多50万户。", [("50万户", "小米")]),
        ("分享通信发布年报。虚商用户总数比中国移动一家少近3亿户。", [("近3亿户", None)]),
    ],
)
def test_the_base_of_a_comparison_is_not_what_the_difference_measures(text, expected):
    assert subjects(text) == expected


def test_every_organisation_listed_as_the_base_of_a_comparison_is_left_out():
    text = "分享通信发布年报。中国移动的用户比中国联通和中国电信之和多2亿户。"
    assert subjects(text) == [("2亿户", "中国移动")]


@pytest.mark.parametrize(
    "text",
    [
        "青山晚报讯（记者 李明）市民王先生上月充值了200元话费。",
        "【江城新闻】据统计，本地有30万用户办理了携号转网。",
        "南岭日报5月3日讯 小张上个月的话费高达500元。",
    ],
)
def test_an_outlet_the_gazetteer_lacks_measures_nothing_it_reports(text):
    assert [s for _, s in subjects(text)] == [None]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国联通移动出账用户9月净增51.4万户。", [("51.4万户", "中国联通")]),
        (
            "在移动业务方面，中国电信移动用户净增300万户，累计达4亿户。",
            [("300万户", "中国电信"), ("4亿户", "中国电信")],
        ),
        ("中国广电移动用户突破1000万户。", [("1000万户", "中国广电")]),
    ],
)
def test_a_short_name_right_after_an_organisation_is_a_word_of_its_own(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中国铁塔营收增长5%，跨行业业务收入增长30%。", [("5%", "中国铁塔"), ("30%", "中国铁塔")]),
        ("中国联通目前拥有117万个5G基站，占到全球30%左右。", [("117万个", "中国联通"), ("30%", "中国联通")]),
        (
            "中国电信计划资本开支900亿元，其中基础设施及其他投资占比10%。",
            [("900亿元", "中国电信"), ("10%", "中国电信")],
        ),
    ],
)
def test_a_trade_word_inside_a_compound_or_after_a_share_verb_leaves_the_figure_the_companys(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "中国移动、中国联通、中国电信去年净增5G用户，分别为1亿户、5000万户、6000万户。",
            [("1亿户", "中国移动"), ("5000万户", "中国联通"), ("6000万户", "中国电信")],
        ),
        ("小米和京东上月发布新品，销量分别为20万台和15万台。", [("20万台", "小米"), ("15万台", "京东")]),
        ("华为与中兴通讯参与了投标，最终分别中标40%和30%的份额。", [("40%", "华为"), ("30%", "中兴通讯")]),
    ],
)
def test_distributive_figures_go_to_the_list_of_an_earlier_clause(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("截至6月底，该运营商仍有3万2150户3G用户", [("3万2150户", 32150, "户")]),
        ("另有12万804户尚未转网", [("12万804户", 120804, "户")]),
        ("全年营收3亿5000万元", [("3亿5000万元", 350_000_000, "元")]),
    ],
)
def test_a_count_written_with_digits_after_its_ten_thousands_is_one_figure(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", ["用户数为5万2019年以来", "达到10万3月底"])
def test_a_date_after_ten_thousands_is_not_part_of_the_count(text):
    assert all("年" not in f[0] and "月" not in f[0] for f in figures(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("公司智能算力规模达到17.4EFLOPS", [("17.4EFLOPS", 17.4, "EFLOPS")]),
        ("今年新增通用算力300PFLOPS", [("300PFLOPS", 300, "PFLOPS")]),
        ("套餐每月另赠50则短信", [("50则", 50, "则")]),
    ],
)
def test_computing_power_and_messages_are_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("蜗牛移动此次计划向全球投资者配售2.4亿股。", [("2.4亿股", "蜗牛移动")]),
        ("乐语通讯表示，明年将实现全国3000家营业厅联网。", [("3000家", "乐语通信")]),
        ("分享通信的网络已覆盖全球120个国家和地区。", [("120个", "分享通信")]),
    ],
)
def test_a_market_word_after_the_verb_of_an_act_is_where_it_reaches(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中华电信去年表现平稳。全台4G用户数已达到1800万户。", [("1800万户", None)]),
        ("远传电信推出新资费，全岛行动用户增长3%。", [("3%", None)]),
        ("分享通信上半年发展顺利，全国手机用户超过16亿户。", [("超过16亿户", None)]),
    ],
)
def test_a_market_word_as_the_clause_subject_measures_no_company(text, expected):
    assert subjects(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "分享通信有3万户，蜗牛移动有2万户，共有5万户尚未实名。",
            [("3万户", "分享通信"), ("2万户", "蜗牛移动"), ("5万户", None)],
        ),
        (
            "去年中国移动新增基站20万个，中国联通新增15万个，合计35万个。",
            [("20万个", "中国移动"), ("15万个", "中国联通"), ("35万个", None)],
        ),
        (
            "远特通信关停号码800个、迪信通关停600个，总计1400个。",
            [("800个", "远特通信"), ("600个", "迪信通"), ("总计1400个", None)],
        ),
    ],
)
def test_a_total_after_several_organisations_counts_is_no_one_companys(text, expected):
    assert subjects(text) == expected
