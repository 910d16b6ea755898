// Entry of the task pane bundle (dist/taskpane.html). The only pane file, with bootstrap*.ts and office*.ts,
// that touches the Office/Excel globals.
import { boot } from "./bootstrap";

void boot(document.getElementById("container"));
