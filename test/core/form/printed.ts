/**
 * Small printed forms for the kind and recognition tests, each the shape of a real published form
 * (cited where used), built cell by cell so a test shows exactly what it reads.
 */
import { CellValue, SheetSnapshot } from "../../../src/core/snapshot";

export function sheetOf(rows: CellValue[][], merges: string[] = [], name = "Sheet1"): SheetSnapshot {
  return { name, originRow: 0, originCol: 0, values: rows.map((r) => r.map((v) => (v === "" ? null : v))), merges, hiddenRows: [] };
}

/**
 * The 财政部 project form as 安徽淮北 2025 prints it (农村文化建设配套补助经费, 项目支出绩效目标表):
 * 项目名称, 主管部门及代码 | 实施单位, a 项目资金 block (年度资金总额: with 其中:财政拨款, 上年结转,
 * 其他资金 under it), 年度目标, and a header 一级 | 二级指标 | 三级指标 | 指标值 behind a vertical 绩.
 */
export function projectRows(
  over: { total?: CellValue; fiscal?: CellValue; carry?: CellValue; other?: CellValue; cost?: string } = {},
): CellValue[][] {
  return [
    ["项目支出绩效目标表", "", "", "", ""],
    ["(2025年度)", "", "", "", ""],
    ["项目名称", "农村文化建设配套补助经费", "", "", ""],
    ["主管部门及代码", "[077]淮北市文化旅游体育局", "实施单位", "淮北市文化旅游体育局", ""],
    ["项目资金(万元)", "年度资金总额:", over.total ?? 5, "", ""],
    ["", "其中:财政拨款", over.fiscal ?? 5, "", ""],
    ["", "上年结转", over.carry ?? 0, "", ""],
    ["", "其他资金", over.other ?? 0, "", ""],
    ["年度目标", "开展送戏进万村活动70场,保障人民群众基本文化权益,群众满意度达到90%以上。", "", "", ""],
    ["绩", "一级", "二级指标", "三级指标", "指标值"],
    ["", "产出指标", "数量指标", "开展送戏进万村场次", "≥70场"],
    ["", "", "质量指标", "送戏进万村活动完成率", "≥95%"],
    ["", "", "时效指标", "项目完成时限", "2025年12月31日前"],
    ["", "", "成本指标", "项目总成本", over.cost ?? "≤5万元"],
    ["", "效益指标", "社会效益指标", "受益群众人次", "≥20000人次"],
    ["", "满意度指标", "服务对象满意度指标", "项目受益人满意程度", "≥90%"],
  ];
}

export const PROJECT_MERGES = ["A1:E1", "A2:E2", "B3:E3", "A5:A8", "B9:E9", "A10:A16", "B11:B14"];

export function projectSheet(over: Parameters<typeof projectRows>[0] = {}): SheetSnapshot {
  return sheetOf(projectRows(over), PROJECT_MERGES);
}

/**
 * A project self-evaluation as 安徽池州贵池区棠溪镇 2022 prints it (委托业务项目, 项目支出绩效自评表):
 * the indicator header carries the results side (实际完成值, 分值, 得分, 偏差原因分析及改进措施).
 */
export function selfEvalSheet(): SheetSnapshot {
  return sheetOf(
    [
      ["项目支出绩效自评表", "", "", "", "", "", "", ""],
      ["(2022年度)", "", "", "", "", "", "", ""],
      ["项目名称", "委托业务项目", "", "", "", "", "", ""],
      ["主管部门", "219-池州市贵池区棠溪镇人民政府", "", "", "实施单位", "219001-池州市贵池区棠溪镇人民政府", "", ""],
      ["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""],
      ["", "完成委托业务,保障镇政府工作正常运转", "", "", "已完成", "", "", ""],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["", "产出指标(50分)", "数量指标", "委托业务完成数量", "≥3项", "3项", 20, 20],
      ["", "", "质量指标", "委托业务验收合格率", "＝100%", "100%", 20, 20],
      ["", "", "时效指标", "完成时限", "2022年12月31日前", "12月", 10, 10],
      ["", "效益指标(30分)", "社会效益指标", "镇政府工作正常运转保障率", "≥95%", "100%", 30, 30],
      ["", "满意度指标(10分)", "满意度指标", "公众满意度", "≥90%", "95%", 10, 10],
      ["总分", "", "", "", "", "", 100, 100],
    ],
    ["A1:H1", "A2:H2", "B3:H3", "A5:A6", "B5:D5", "B6:D6", "A7:A12", "B8:B10"],
  );
}
