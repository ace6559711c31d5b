export interface CapturedResource {
  type: string;
  name: string;
  urn: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  propertyDependencies: Record<string, string[]>;
}

export type Level = 'advisory' | 'mandatory' | 'disabled' | 'remediate';

export interface Diagnostic {
  policyName: string;
  policyPackName: string;
  enforcementLevel: Level;
  urn: string;
  message: string;
  description: string;
}

export interface PolicyInfo {
  name: string;
  description: string;
  enforcementLevel: Level;
  policyType: number;
  severity: number;
  remediationSteps: string;
  url: string;
  tags: string[];
  framework?: { name: string; version: string; reference: string; specification: string };
  configSchema?: Record<string, unknown>;
}

export interface AnalyzerClient {
  getAnalyzerInfo(): Promise<{ name: string; version: string; supportsConfig: boolean; policies: PolicyInfo[] }>;
  getPluginInfo(): Promise<string>;
  configure(configs: Record<string, { enforcementLevel?: Level; properties?: Record<string, unknown> }>): Promise<void>;
  analyze(record: CapturedResource): Promise<Diagnostic[]>;
  analyzeStack(records: CapturedResource[]): Promise<Diagnostic[]>;
  /** Analyze as each resource is registered, then AnalyzeStack: what a preview or update asks. */
  analyzeAsDeployment(records: CapturedResource[]): Promise<Diagnostic[]>;
  /** Sends a request built beforehand with analyzeStackRequest. */
  sendAnalyzeStack(request: ReturnType<typeof analyzeStackRequest>): Promise<Diagnostic[]>;
  close(): void;
}

export interface RunningPack {
  port: number;
  /** The pack's process id. */
  pid: number;
  startupMs: number;
  stderr(): string;
  stop(): Promise<void>;
}

export function startEngine(): Promise<{ address: string; logs: string[]; close(): Promise<void> }>;
export function startPack(
  packDir: string,
  engineAddress: string,
  options?: { timeoutMs?: number },
): Promise<RunningPack>;
export function analyzerClient(port: number): AnalyzerClient;
/** The catalog exception that waived the diagnostic's finding, if one did. */
export function waiverOf(diagnostic: Diagnostic): string | undefined;
/** The resource name at the end of the diagnostic's URN; undefined for one about no resource. */
export function resourceNameOf(diagnostic: Diagnostic): string | undefined;
/** The `pulumirpc.AnalyzeStackRequest` the engine sends for these resources (their planned outputs). */
export function analyzeStackRequest(records: CapturedResource[]): {
  getResourcesList(): { clearProperties(): void }[];
};
export interface CaptureOptions {
  /** The Pulumi project in the URNs. */
  project?: string;
  /** Stack configuration by full key (`payments:dbPassword`), and the keys whose values are secrets. */
  config?: Record<string, string>;
  secretKeys?: string[];
  /** Run the program in its own directory (as the CLI runs it in its project's), not the repository root. */
  inOwnDirectory?: boolean;
  /** The outputs of each stack the program reads by `new StackReference(name)`, by that name. */
  stackOutputs?: Record<string, Record<string, unknown>>;
}
export function captureProgram(
  program: string,
  mode: 'preview' | 'update',
  options?: CaptureOptions,
): Promise<CapturedResource[]>;
/** capturePrograms spread over `processes` processes (two unless said); their resources in the order of `captures`. */
export function captureInParallel(
  captures: ({ program: string; mode: 'preview' | 'update' } & CaptureOptions)[],
  processes?: number,
): Promise<CapturedResource[][]>;
/** Several programs captured in one process, one after another; their resources in the same order. */
export function capturePrograms<
  const C extends readonly ({ program: string; mode: 'preview' | 'update' } & CaptureOptions)[],
>(captures: C): Promise<{ -readonly [K in keyof C]: CapturedResource[] }>;
