// What reading a workbook produces: the budgets found, their lines, the rows skipped and why, the issues.
import type { BudgetLine } from "../engine/types.ts";

export type Layout =
  | "cerfa_side_by_side"
  | "vertical_sections"
  | "trial_balance"
  | "multi_year"
  | "analytic_columns"
  | "journal"
  | "simple_list";

export type SkipReason = "subtotal" | "total" | "result" | "balance_sheet_account" | "header" | "empty" | "breakdown" | "summary" | "pivot";

export interface SkippedRow {
  sheet: string;
  row: number;
  /** The label cell, e.g. "A30". */
  cell: string;
  label: string;
  why: SkipReason;
}

export type IssueCode = "cell_error" | "text_not_a_number" | "protected_sheet" | "hidden_rows" | "hidden_columns" | "no_income" | "negative_amounts" | "summary_sheet" | "in_thousands" | "pivot_table" | "hidden_sheet_amounts" | "formula_without_value" | "date_not_an_amount" | "total_mismatch" | "section_not_read" | "correction_ambiguous" | "amounts_as_text" | "lone_number" | "share_column" | "other_chart" | "amount_versions" | "side_guessed" | "partial_detail" | "cash_row" | "other_currency" | "separate_periods" | "separate_budgets";

export interface ReadIssue {
  sheet: string;
  cell: string | null;
  code: IssueCode;
  message: string;
  messageEn: string;
}

export interface AmountColumnInfo {
  /** Header as written; null when the column has no header. */
  header: string | null;
  /** 1-based column number. */
  col: number;
  role: "scenario" | "analytic_action" | "analytic_engineering" | "debit" | "credit" | "balance" | "balance_debit" | "balance_credit";
}

export interface DetectedBudget {
  sheet: string;
  /** A1 range covering the table ("A3:E40"). */
  range: string;
  layout: Layout;
  /** Names of the amount columns as the contract lists them (scenarios, or actions for analytic budgets). */
  amountColumns: string[];
  columns: AmountColumnInfo[];
  /** 1-based column of the labels and of the accounts (null when there is no account column). */
  labelCol: number;
  accountCol: number | null;
  lineCount: number;
}

export interface ReadResult {
  budgets: DetectedBudget[];
  lines: BudgetLine[];
  skipped: SkippedRow[];
  issues: ReadIssue[];
}
