/** The pane's 插入模板 is the app's one use case (src/app/insert.ts), which the CLI's add shares. */
export { insertTemplate } from "../../app/insert";
