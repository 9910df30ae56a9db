// The ExcelApi requirement set of every API the host reaches, as the harness records it ("Kind.Member",
// "=" for a property set, "()" for a method), from Microsoft's Excel JavaScript API reference. The manifest
// asks for the highest of them; a new API above it must raise the manifest and the README together.
export const API_SETS: Record<string, number> = {};

const sets: [number, string[]][] = [
  [1.1, ["Chart.Legend", "Chart.Series", "Chart.SetPosition()", "Chart.Title", "ChartCollection.Add()", "ChartLegend.Position=", "ChartSeries.Name=", "ChartSeriesCollection.GetItemAt()", "ChartTitle.Text="]],
  [1.1, ["Range.CellCount", "Range.ColumnCount", "Range.ColumnIndex", "Range.Format", "Range.Formulas", "Range.Formulas=", "Range.GetBoundingRect()", "Range.GetRow()", "Range.NumberFormat", "Range.NumberFormat=", "Range.RowCount", "Range.RowIndex", "Range.Select()", "Range.Values"]],
  [1.1, ["RangeBorder.Color=", "RangeBorder.Style=", "RangeFill.Color=", "RangeFont.Bold=", "RangeFont.Color=", "RangeFont.Italic=", "RangeFont.Size=", "RangeFormat.Borders", "RangeFormat.Fill", "RangeFormat.Font", "RangeFormat.HorizontalAlignment=", "RangeFormat.VerticalAlignment=", "RangeFormat.WrapText="]],
  [1.1, ["Table.Name", "Table.Name=", "Table.Style=", "TableCollection.Add()", "TableCollection.GetItem()", "Workbook.Worksheets", "Worksheet.Activate()", "Worksheet.Charts", "Worksheet.Delete()", "Worksheet.GetRange()", "Worksheet.Name", "Worksheet.Name=", "Worksheet.Tables", "Worksheet.Visibility", "WorksheetCollection.Add()", "WorksheetCollection.GetItem()", "WorksheetCollection.GetItemAt()"]],
  [1.2, ["Range.Merge()", "Range.RowHidden", "RangeFormat.ColumnWidth=", "RangeFormat.RowHeight=", "Worksheet.Protection", "WorksheetProtection.Protected"]],
  [1.3, ["Range._ValidateArraySize()"]],
  [1.1, ["Workbook.Names", "NamedItem.Name", "NamedItemCollection.GetItem()"]],
  [1.4, ["NamedItemCollection.Add()", "NamedItem.Delete()"]],
  [1.4, ["Setting.Value", "SettingCollection.Add()", "SettingCollection.GetItemOrNullObject()", "Workbook.Settings", "Worksheet.GetUsedRangeOrNullObject()", "WorksheetCollection.GetItemOrNullObject()"]],
  [1.6, ["CellValueConditionalFormat.Format", "CellValueConditionalFormat.Rule=", "ConditionalFormat.CellValue", "ConditionalFormat.Custom", "ConditionalFormatCollection.Add()", "ConditionalFormatRule.Formula=", "ConditionalRangeFill.Color=", "ConditionalRangeFont.Bold=", "ConditionalRangeFont.Color=", "ConditionalRangeFormat.Fill", "ConditionalRangeFormat.Font", "CustomConditionalFormat.Format", "CustomConditionalFormat.Rule", "Range.ConditionalFormats"]],
  [1.7, ["ChartSeries.SetValues()", "ChartSeries.SetXAxisValues()", "ChartSeriesCollection.Add()", "DocumentProperties.Title", "Workbook.Name", "Workbook.Properties", "Workbook.Protection", "WorkbookProtection.Protected", "Worksheet.FreezePanes", "Worksheet.GetRangeByIndexes()", "Worksheet.TabColor=", "WorksheetFreezePanes.FreezeAt()", "WorksheetFreezePanes.FreezeColumns()", "WorksheetFreezePanes.FreezeRows()"]],
  [1.8, ["DataValidation.ErrorAlert=", "DataValidation.Prompt=", "DataValidation.Rule=", "Range.DataValidation"]],
  [1.9, ["HeaderFooter.LeftFooter=", "HeaderFooter.LeftHeader=", "HeaderFooter.RightFooter=", "HeaderFooter.RightHeader=", "HeaderFooterGroup.DefaultForAllPages", "PageLayout.HeadersFooters", "PageLayout.Orientation=", "PageLayout.SetPrintArea()", "PageLayout.SetPrintTitleRows()", "PageLayout.Zoom=", "Worksheet.PageLayout", "Range.GetSpecialCellsOrNullObject()", "RangeAreas.Address", "RangeAreas.AreaCount", "RangeAreas.CellCount"]],
];
for (const [set, apis] of sets) for (const api of apis) API_SETS[api] = set;
