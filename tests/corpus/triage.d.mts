export type Verdict = 'real' | 'false-positive' | 'debatable';

export interface TriageEntry {
  package: string;
  file: string;
  line: number;
  column: number;
  rule: string;
  verdict: Verdict;
  reason: string;
}

export interface ReportPosition {
  package: string;
  file: string;
  line: number;
  column: number;
  rule: string;
  message?: string;
}

export const VERDICTS: readonly Verdict[];
export function readTriage(): TriageEntry[];
export function reportKey(report: ReportPosition): string;
export function compareWithTriage(
  reports: ReportPosition[],
  entries: TriageEntry[],
): { unexpected: string[]; vanished: string[] };
export function precisionByRule(
  entries: TriageEntry[],
): Record<string, { real: number; 'false-positive': number; debatable: number; total: number }>;
