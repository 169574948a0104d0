export type Verdict = 'real' | 'false-positive' | 'debatable';

export interface Triaged {
  file: string;
  line: number;
  column: number;
  rule: string;
  verdict: Verdict;
  reason: string;
}

/** An entry of the npm corpus's triage (triage.json). */
export interface TriageEntry extends Triaged {
  package: string;
}

/** An entry of the application corpus's triage (apps-triage.json). */
export interface AppTriageEntry extends Triaged {
  app: string;
}

export interface ReportPosition {
  package?: string;
  app?: string;
  file: string;
  line: number;
  column: number;
  rule: string;
  message?: string;
}

export const VERDICTS: readonly Verdict[];
export function readTriage(): TriageEntry[];
export function readAppsTriage(): AppTriageEntry[];
export function precisionTable(entries: Triaged[], rules?: string[]): string;
export function reportKey(report: ReportPosition): string;
export function compareWithTriage(
  reports: ReportPosition[],
  entries: (TriageEntry | AppTriageEntry)[],
): { unexpected: string[]; vanished: string[] };
export function precisionByRule(
  entries: Triaged[],
): Record<string, { real: number; 'false-positive': number; debatable: number; total: number }>;
