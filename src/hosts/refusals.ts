/** Why a host refuses an edit, worded the same whichever host applies the plan (defined in the core's plan compiler). */
export { formulaCellRefusal, mergeLosesContentRefusal } from "../core/plan/refusals";
