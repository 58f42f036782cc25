/** Entry of preview.html: the preview without office.js, so opening it makes no network request at all. */
import { bootPreview } from "./boot";

bootPreview(document.getElementById("container")!);
