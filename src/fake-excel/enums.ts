// The Excel.* enums the add-in uses, as Office.js defines their string values.
import { ErrorCodes } from "./errors";

export const excelEnums = {
  ConditionalFormatType: { custom: "Custom", cellValue: "CellValue", containsText: "ContainsText" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  EventSource: { local: "Local", remote: "Remote" },
  EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
  DataChangeType: { unknown: "Unknown", rangeEdited: "RangeEdited", rowInserted: "RowInserted", rowDeleted: "RowDeleted" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
  VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
  BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight", insideVertical: "InsideVertical", insideHorizontal: "InsideHorizontal" },
  BorderLineStyle: { none: "None", continuous: "Continuous" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  ErrorCodes,
} as const;
