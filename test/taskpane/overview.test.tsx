/** @jest-environment jsdom */
import "./setup";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { Overview } from "../../src/taskpane/Overview";
import { evaluation, finding, makeForm, sheetState } from "./fake-host";
import { renderIn } from "./render";

const state = sheetState([
  evaluation(
    [finding(), finding({ severity: "warning", cell: "H15" }), finding({ severity: "warning", cell: "H16" })],
    {
      form: makeForm({ unit: "某区人大常委会办公室", year: 2021 }),
      funds: {
        budget: 200,
        spent: 183.5,
        rate: 0.9175,
        weight: 10,
        score: 9.18,
        enteredRate: null,
        enteredScore: null,
      },
      total: { entered: null, computed: 91.18, grade: "优", enteredGrade: null, complete: true, unscored: 0, unscoredWeight: 0, weightEntered: 100 },
    },
  ),
]);

test("shows kind, unit, year, 执行率, 总分 with grade, and error and warning counts", () => {
  renderIn(<Overview state={state} profileLabel="全国" busy={false} onCheck={() => {}} onInsert={() => {}} />);
  expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("项目支出绩效自评表");
  expect(screen.getByText("某区人大常委会办公室")).toBeInTheDocument();
  expect(screen.getByText("2021")).toBeInTheDocument();
  expect(screen.getByTestId("overview-rate")).toHaveTextContent("91.75%");
  expect(screen.getByTestId("overview-total")).toHaveTextContent("91.18");
  expect(screen.getByTestId("overview-total")).toHaveTextContent("优");
  expect(screen.getByTestId("overview-errors")).toHaveTextContent("1");
  expect(screen.getByTestId("overview-warnings")).toHaveTextContent("2");
  expect(screen.getByText(/评分规则：全国/)).toBeInTheDocument();
});

test("without a form, offers to insert one", async () => {
  const onInsert = jest.fn();
  renderIn(<Overview state={sheetState([])} profileLabel="全国" busy={false} onCheck={() => {}} onInsert={onInsert} />);
  expect(screen.getByText("当前工作表没有找到自评表。")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "插入自评表" }));
  expect(onInsert).toHaveBeenCalledTimes(1);
});

test("检查本表 calls back, and is disabled while checking", async () => {
  const onCheck = jest.fn();
  const { rerender } = renderIn(
    <Overview state={state} profileLabel="全国" busy={false} onCheck={onCheck} onInsert={() => {}} />,
  );
  await userEvent.click(screen.getByRole("button", { name: "检查本表" }));
  expect(onCheck).toHaveBeenCalledTimes(1);
  rerender(<Overview state={state} profileLabel="全国" busy={true} onCheck={onCheck} onInsert={() => {}} />);
  expect(screen.getByRole("button", { name: "正在检查…" })).toBeDisabled();
});

test("has no accessibility violations", async () => {
  const { container } = renderIn(
    <Overview state={state} profileLabel="全国" busy={false} onCheck={() => {}} onInsert={() => {}} />,
  );
  expect(await axe(container)).toHaveNoViolations();
});
