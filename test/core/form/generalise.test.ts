/**
 * Recognition that generalises (issue #19): labels after normalisation, categories by meaning
 * family, header wordings by what they say, roles from content, merged category cells, twin
 * 实施期 | 年度 sides, sub-heads under 指标值, a copy cut short. Each shape cites the real form it is from.
 */
import { checkWorkbook } from "../../../src/core/engine";
import { level1Of, level2Of, normaliseLabel } from "../../../src/core/form/labels";
import { recognizeSheet } from "../../../src/core/form/recognize";
import { CellValue } from "../../../src/core/snapshot";
import { workbook } from "../../helpers/forms";
import { sheetOf } from "./printed";

const table = (rows: CellValue[][], merges: string[] = []) => {
  const forms = recognizeSheet(sheetOf(rows, merges)).forms;
  expect(forms).toHaveLength(1);
  return forms[0].model;
};

describe("labels after normalisation", () => {
  test.each([
    ["主管部门及代码", "主管部门"],
    ["项目资金(万元)", "项目资金"],
    ["其中:财政拨款", "财政拨款"],
    ["中期目标(2021年-2023年)", "中期目标"],
    ["*项目名称", "项目名称"],
  ])("%s → %s", (printed, key) => expect(normaliseLabel(printed)).toBe(key));
});

describe("categories by meaning family", () => {
  test.each([
    ["数量指标(或建筑规模指标)", null, "数量"], // investment-project forms
    ["时效指标(工期指标)", null, "时效"],
    ["预算(或投资规模)控制指标", "成本", null],
    ["预期产出指标", "产出", null],
    ["效果指标", "效益", null],
    ["服务对象满意度指标等", "满意度", "服务对象满意度"], // 云南永德 2022
    ["社会公众或服务对象满意度指标", "满意度", "服务对象满意度"], // 湖南湘潭 2023
    ["生态环境成本指标", null, "生态环境成本"], // 奉节 2023
  ])("%s", (printed, l1, l2) => {
    expect(level1Of(printed)).toBe(l1);
    expect(level2Of(printed)).toBe(l2);
  });
});

describe("header wordings", () => {
  const withHeader = (value: string, extra: string[] = []) =>
    table([
      ["项目名称", "某项目", "", "", "", ""],
      ["一级指标", "二级指标", "三级指标", ...extra, value],
      ["产出指标", "数量指标", "培训人次", ...extra.map(() => "定量"), "≥280人次"],
      ["效益指标", "社会效益指标", "受益人数", ...extra.map(() => "定量"), "≥500人"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", ...extra.map(() => "定量"), "≥95%"],
    ]).indicators!;

  test.each(["指标值", "目标值", "年度指标值", "当年度指标值", "指标值及单位", "当年预期实现值", "预期2022年实现值"])(
    "%s is the target column",
    (head) => {
      expect(withHeader(head).columns.annual).toBe(3);
    },
  );

  test("指标值类型 (岳阳楼区 2023) is no target column: the *指标值 after it is", () => {
    expect(withHeader("*指标值", ["指标值类型"]).columns.annual).toBe(4);
  });

  test("a value column without a head is found by its content", () => {
    const t = withHeader("");
    expect(t.columns.annual).toBe(3);
  });
});

const xiangtan: CellValue[][] = [
  ["2023年项目支出绩效目标申报表", "", "", "", ""],
  ["项目支出名称", "雾炮车降尘抑尘服务", "", "", ""],
  ["本年度 绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位"],
  ["", "产出指标", "数量指标", "雾炮车配备车辆数", "10辆"],
  ["", "效益指标", "社会效益指标", "空气质量优良天数比例", "≥85%"],
  ["", "社会公众或服务对象满意度指标", "", "市民满意度", "≥90%"],
];

test("a category cell merged across the 一级 and 二级 columns is no slid row (湖南湘潭 2023)", () => {
  const m = table(xiangtan, ["A3:A6", "B6:C6"]);
  const t = m.indicators!;
  expect(t.rows.map((r) => [r.level1, r.shift, r.labelShift])).toEqual([
    ["产出", 0, 0],
    ["效益", 0, 0],
    ["满意度", 0, 0],
  ]);
  expect(checkWorkbook(workbook(sheetOf(xiangtan, ["A3:A6", "B6:C6"]))).findings.map((f) => f.rule)).not.toContain("layout/misaligned-row");
});

test("实施期 and 年度 indicators side by side: the 年度 side is read, the other side is no slid content (东莞 2022)", () => {
  const m = table([
    ["东莞市财政项目支出绩效目标表", "", "", "", "", "", "", ""],
    ["项目名称", "物业管理费支出", "", "", "", "", "", ""],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "二级指标", "三级指标", "当年度指标值"],
    ["", "产出指标", "数量指标", "物管服务面积", "2.6万平方米", "数量指标", "物管服务面积", "2.6万平方米"],
    ["", "效益指标", "社会效益指标", "展馆正常开放率", "100%", "社会效益指标", "展馆正常开放率", "＝100%"],
    ["", "满意度指标", "服务对象满意度指标", "观众满意度", "≥90%", "服务对象满意度指标", "观众满意度", "≥90%"],
  ]);
  const t = m.indicators!;
  expect([t.columns.level2, t.columns.level3, t.columns.annual]).toEqual([5, 6, 7]);
  expect(t.rows.every((r) => r.shift === 0 && r.labelShift === 0)).toBe(true);
  expect(t.rows.map((r) => r.annual.text)).toEqual(["2.6万平方米", "=100%", "≥90%"]);
});

test("指标值 over sub-heads: the expected value is read, the past year's actual is not (湖北黄石 2022)", () => {
  const m = table(
    [
      ["项目支出绩效目标批复表", "", "", "", "", ""],
      ["项目名称", "主体班", "", "", "", ""],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", ""],
      ["", "", "", "", "2021年实际实现值", "预期2022年实现值"],
      ["", "产出指标", "数量指标", "主体班培训人次", "", "280人次"],
      ["", "效益指标", "社会效益指标", "干部理论水平提升", "", "≥90%"],
      ["", "满意度指标", "服务对象满意度指标", "学员满意度", "", "≥95%"],
    ],
    ["A3:A7", "B3:B4", "C3:C4", "D3:D4", "E3:F3"],
  );
  const t = m.indicators!;
  expect(t.columns.annual).toBe(5);
  expect(t.rows.map((r) => r.row)).toEqual([4, 5, 6]);
});

test("columns that say one level less: 一级 holds 二级 categories, 二级 holds names (鄂州 2022)", () => {
  const m = table(
    [
      ["鄂州市2022年市直部门预算项目支出绩效目标表", "", "", "", ""],
      ["项目名称", "办公大楼运行保障", "", "", ""],
      ["一级指标", "二级指标", "", "绩效标准", "当年预期实现值"],
      ["数量指标", "办公大楼日常维修维护次数", "", "反映全年维修维护情况", "2280次"],
      ["质量指标", "维修维护验收合格率", "", "反映维修维护质量", ">92%"],
    ],
    ["B3:C3", "B4:C4", "B5:C5"],
  );
  const t = m.indicators!;
  expect(t.rows.map((r) => [r.level1, r.level2, r.name.text, r.annual.text, r.shift])).toEqual([
    ["产出", "数量", "办公大楼日常维修维护次数", "2280次", 0],
    ["产出", "质量", "维修维护验收合格率", ">92%", 0],
  ]);
});

describe("a printed copy cut short (陕西清涧 2021: the copy ends at the 成本 row)", () => {
  const rows: CellValue[][] = [
    ["项目支出绩效目标表", "", "", "", ""],
    ["项目名称", "果园路建设", "", "", ""],
    ["绩", "一级指标", "二级指标", "三级指标", "指标值"],
    ["", "产出指标", "数量指标", "新建水泥路长度", "4公里"],
    ["", "", "质量指标", "项目(工程)验收合格率", "＝100%"],
    ["", "", "时效指标", "项目(工程)完成及时率", "＝100%"],
    ["", "", "成本指标", "硬化水泥砼公路补助标准", "≤120万元/公里"],
  ];
  test("is judged as far as it goes: no 效益 or 满意度 demanded", () => {
    const r = checkWorkbook(workbook(sheetOf(rows, ["A3:A7", "B4:B7"])));
    expect(r.forms[0].model.indicators?.cutShort).toBe(true);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a last row cut before its target is not read", () => {
    const cut = [...rows, ["", "效益指标", "社会效益指标", "受益群众人数", ""]];
    const r = checkWorkbook(workbook(sheetOf(cut, ["A3:A8", "B4:B7"])));
    expect(r.forms[0].model.indicators?.rows).toHaveLength(4);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a footer after the table means it is whole: a missing 满意度 is reported", () => {
    const whole = [...rows, ["", "效益指标", "社会效益指标", "受益群众人数", "≥500人"], ["财政部门审核意见", "", "", "", ""]];
    const r = checkWorkbook(workbook(sheetOf(whole, ["A3:A8", "B4:B7"])));
    expect(r.forms[0].model.indicators?.cutShort).toBeUndefined();
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.data.level)).toEqual(["满意度指标"]);
  });
});

test("a list of projects with the indicator columns right of 单位名称 | 项目名称 | 预算数 | 年度目标 (四川井研马踏镇 2023)", () => {
  const m = table([
    ["部门预算项目绩效目标申报表(2023年度)", "", "", "", "", "", "", "", ""],
    ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值"],
    ["马踏镇人民政府", "村组干部报酬", 3309840, "按时发放村组干部报酬", "产出指标", "数量指标", "村组干部人数", "=", "230人"],
    ["", "", "", "", "效益指标", "社会效益指标", "维护社会稳定", "≥", "95%"],
    ["", "", "", "", "满意度指标", "服务对象满意度指标", "人民群众满意度", "≥", "95%"],
  ]);
  const t = m.indicators!;
  expect(t.columns.label).toBeNull();
  expect(t.rows.map((r) => [r.shift, r.annual.shown ?? r.annual.text])).toEqual([
    [0, "=230人"],
    [0, "≥95%"],
    [0, "≥95%"],
  ]);
});

describe("a department form's copy cut short (岳阳楼区 2023: the copy ends at 社会效益)", () => {
  const rows = (last: CellValue[]): CellValue[][] => [
    ["岳阳楼区价格认证鉴定中心2023年度整体绩效目标表", "", "", "", ""],
    ["部门(单位)名称", "岳阳楼区价格认证鉴定中心", "", "", ""],
    ["*年度总体绩效目标", "做好涉案、价格认定工作,全年完成价格认定案件不少于300件。", "", "", ""],
    ["绩效指标", "", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标值类型", "*指标值"],
    ["产出指标", "数量指标", "价格认定案件数", "定量", "≥300件"],
    ["", "质量指标", "认定结论准确率", "定量", "≥98%"],
    ["", "时效指标", "按期办结率", "定量", "＝100%"],
    ["效益指标", "经济效益指标", "为司法机关挽回损失金额", "定量", "≥100万元"],
    last,
  ];

  test("stopping inside the 效益 group: 满意度 is not demanded", () => {
    const r = checkWorkbook(workbook(sheetOf(rows(["", "社会效益指标", "维护公平正义", "定性", "有效维护"]))));
    expect(r.forms[0].model.kind).toBe("department");
    expect(r.findings.filter((f) => f.rule === "indicators/missing-category")).toEqual([]);
  });

  test("ending after the whole 效益 group: the missing 满意度 is an error", () => {
    const r = checkWorkbook(workbook(sheetOf(rows(["", "可持续影响指标", "价格认定工作长效机制", "定性", "长期有效"]))));
    expect(r.findings.filter((f) => f.rule === "indicators/missing-category").map((f) => [f.severity, f.data.level])).toEqual([
      ["error", "满意度指标"],
    ]);
  });
});

test("a department form cut before its indicator table is told as one, not checked, and gets no error (湖北广水 2021)", () => {
  const sheet = sheetOf(
    [
      ["部门整体支出绩效目标申报表", "", "", ""],
      ["部门(单位) 名称", "广水市人民政府办公室", "", ""],
      ["部门总体 资金情况", "收入构成", "财政拨款", 968.19],
      ["", "", "其他资金", ""],
      ["", "支出构成", "基本支出", 724.23],
      ["", "", "项目支出", 243.96],
    ],
    ["A3:A6", "B3:B4", "B5:B6"],
  );
  const r = checkWorkbook(workbook(sheet));
  expect(r.forms).toEqual([]);
  expect(r.recognitions[0].seenKind).toBe("department");
  expect(r.recognitions[0].notForm?.zh).toBe(
    "这是部门整体绩效目标表(标题「部门整体支出绩效目标申报表」),但表上没有绩效指标表(一级指标/二级指标/三级指标),可能只印了前一部分或还没有填到那里",
  );
  expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("百分比 in the unit column is the % sign", () => {
  const m = table([
    ["项目支出绩效目标表", "", "", "", "", "", ""],
    ["项目名称", "某项目", "", "", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "质量指标", "验收合格率", "≥", 95, "百分比"],
  ]);
  expect(m.indicators!.rows[0].annual.shown).toBe("≥95%");
});

test("no 一级 head, and 一级 names in the 二级 column under a group above them (安徽舒城 2023, 中央预算内投资计划绩效目标表)", () => {
  const r = checkWorkbook(
    workbook(
      sheetOf(
        [
          ["中央预算内投资计划绩效目标表", "", "", ""],
          ["专项名称", "以工代赈示范工程", "", ""],
          ["级指标", "二级指标", "三级指标", "指标值"],
          ["实施效果指标", "产出指标", "劳务报酬占中央投资比例", "≥32.68%"],
          ["", "效益指标", "项目区农村基础设施条件", "持续改善"],
          ["", "满意度指标", "参与工程建设的群众满意度", "≥90%"],
          ["过程管理指标", "计划管理指标", "投资计划分解用时", "≤20工作日"],
        ],
        ["A4:A6"],
      ),
    ),
  );
  const t = r.forms[0].model.indicators!;
  expect([t.columns.level1, t.columns.level2, t.columns.level3, t.columns.annual]).toEqual([1, 1, 2, 3]);
  expect(t.rows.slice(0, 3).map((x) => [x.level1, x.shift, x.labelShift])).toEqual([
    ["产出", 0, 0],
    ["效益", 0, 0],
    ["满意度", 0, 0],
  ]);
  // Only the vague 持续改善 is reported: no slid rows, no 二级 groups asked of a table that has none.
  expect(r.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cells[0].row}`)).toEqual([
    "indicators/not-quantified 4",
  ]);
});

test("a value merged over two columns on the first indicator row is no sub-head row (天津河北区 2023)", () => {
  const m = table(
    [
      ["项目支出绩效目标表", "", "", "", "", "", ""],
      ["项目名称", "安全隐患维修", "", "", "", "", ""],
      ["一级指标", "二级指标", "三级指标", "绩效指标描述", "", "指标值", ""],
      ["产出指标", "数量指标", "维修面积", "维修面积", "", "≥400平方米", ""],
      ["", "质量指标", "验收合格率", "验收合格率", "", "≥98%", ""],
    ],
    ["D3:E3", "F3:G3", "A4:A5", "D4:E4", "F4:G4", "D5:E5", "F5:G5"],
  );
  const t = m.indicators!;
  expect(t.columns.annual).toBe(5);
  expect(t.rows.map((r) => [r.row, r.level2, r.annual.text])).toEqual([
    [3, "数量", "≥400平方米"],
    [4, "质量", "≥98%"],
  ]);
});

describe("a table told by its structure: a category column of 一级 families, then 二级 or names, then a target head", () => {
  // 浙江临海 2024 项目库 form (指标类型 | 指标名称 | 指标值 | 指标描述), heads reworded here: the reading
  // must come from what the columns hold, not from the heads' spelling.
  const zhejiang = (heads: string[]) => [
    ["项目名称:", "绿化养护经费", "", ""],
    heads,
    ["产出指标", "数量指标", "375万平方米", "完成全市375万平方米的绿地养护"],
    ["", "时效指标", "全年", "全年"],
    ["效益指标", "生态效益指标", "是", "改善城市生态环境"],
    ["满意度指标", "服务对象或受益者满意度指标", "≥95%", "服务对象满意率"],
  ];

  test.each([[["指标类型", "指标名称", "指标值", "指标描述"]], [["类别", "分项", "目标值", "说明"]]])(
    "%j: 一级 | 二级 | value | the description naming the indicator",
    (heads) => {
      const m = table(zhejiang(heads), ["A3:A4"]);
      const t = m.indicators!;
      expect([t.headerRow, t.columns.level1, t.columns.level2, t.columns.level3, t.columns.annual]).toEqual([1, 0, 1, 3, 2]);
      expect(t.rows.map((r) => [r.level1, r.level2, r.annual.text])).toEqual([
        ["产出", "数量", "375万平方米"],
        ["产出", "时效", "全年"],
        ["效益", "生态效益", "是"],
        ["满意度", "服务对象满意度", "≥95%"],
      ]);
    },
  );

  test("a category column next to names reads as a table with no 二级", () => {
    const m = table([
      ["项目名称", "某项目", ""],
      ["类别", "名称", "指标值"],
      ["产出指标", "培训人次", "≥280人次"],
      ["效益指标", "学员结业率", "≥95%"],
    ]);
    expect(m.indicators!.rows.map((r) => [r.level1, r.level2, r.name.text])).toEqual([
      ["产出", null, "培训人次"],
      ["效益", null, "学员结业率"],
    ]);
  });

  test("a column of mixed text beside a 指标值 head is no category column: nothing is read", () => {
    const rec = recognizeSheet(
      sheetOf([
        ["事项", "内容", "指标值"],
        ["产出指标", "培训人次", "≥280人次"],
        ["办公经费", "用于日常办公", "≤5万元"],
      ]),
    );
    expect(rec.forms).toEqual([]);
  });
});
