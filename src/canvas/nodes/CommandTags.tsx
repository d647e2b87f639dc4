/**
 * What a command promises when it fails, on the canvas (as Step Functions Workflow Studio shows
 * Retry and Catch on its states): a retry badge (↻ 3, ↻ ∞) and a timeout badge (⏱ 5 s), in a row
 * on the command's top edge. In simulation mode the faults injected on the command join the row.
 */
import { durationText } from '../../model/index.ts';
import type { SagaNodeData } from '../adapter.ts';
import { RetryIcon, TimeoutIcon } from '../icons.tsx';
import { FaultBadge } from '../simulation/SimulationMarks.tsx';

/** True when the command has a badge to show, so it draws the row itself (faults included). */
export const hasCommandTags = (data: SagaNodeData): boolean => data.retryAttempts !== undefined || data.timeoutMs !== undefined;

export function CommandTags({ id, data }: { id: string; data: SagaNodeData }) {
  const { retryAttempts, retryText, timeoutMs } = data;
  return (
    <div className="sb-node__tags">
      {retryAttempts !== undefined && (
        <span className="sb-tag sb-tag--retry" data-testid="retry-badge" title={retryText}>
          <RetryIcon size={12} />
          {retryAttempts === 0 ? '∞' : retryAttempts}
        </span>
      )}
      {timeoutMs !== undefined && (
        <span className="sb-tag sb-tag--timeout" data-testid="timeout-badge" title={`Times out after ${durationText(timeoutMs)}: the sender treats a missing reply as a failed attempt`}>
          <TimeoutIcon size={12} />
          {durationText(timeoutMs)}
        </span>
      )}
      <FaultBadge id={id} />
    </div>
  );
}
