import assert from 'node:assert/strict';
import type { PooledCellData, SeriesResponse } from '../../../src/core/team/teamApi.js';
import { breakdownKey, teamSeries } from '../../../src/webview/team/teamSeries.js';

function cell(day: string, assistant: string, assistantVersion: string, model: string, edits: number, scoreMean: number, arc: [accepted: number, retained: number] = [0, 0]): PooledCellData {
  return {
    day,
    assistant,
    assistantVersion,
    model,
    members: 5,
    edits,
    accepted: edits - 2,
    modified: 0,
    rejected: 2,
    deleted: 0,
    proposalsRejected: 0,
    survivalChecked: edits,
    survivalUnchanged: edits - 1,
    editsFixed: 1,
    linesAdded: 10 * edits,
    findingsLoop: 1,
    findingsOop: 0,
    scoreHistogram: new Array<number>(21).fill(0),
    scoreCount: edits,
    scoreSum: edits * scoreMean,
    arcEdits: arc[0] > 0 ? edits : 0,
    arcAccepted: arc[0],
    arcRetained: arc[1],
  };
}

const response = (cells: PooledCellData[]): SeriesResponse => ({
  teamId: 't',
  since: '2026-03-01',
  until: '2026-03-03',
  k: 5,
  cells,
  members: [{ day: '2026-03-01', members: 7 }],
  alerts: [],
});

describe('team page series: breakdowns', () => {
  const cells = [
    cell('2026-03-01', 'copilot', '1.250.0', 'gpt-4.1', 10, 80),
    cell('2026-03-01', 'cursor', '0.48.1', 'gpt-4.1', 30, 60),
    cell('2026-03-02', 'cursor', '0.48.2', 'claude-sonnet-4', 20, 90),
    cell('2026-03-02', 'cursor', '', 'gpt-4.1', 5, 50),
  ];

  it('one line per assistant, model or assistant version, each summing only the published cells it covers', () => {
    const byAssistant = teamSeries(response(cells));
    assert.deepEqual(byAssistant.groups, ['copilot', 'cursor']);
    assert.deepEqual(byAssistant.values.edits['cursor'], [30, 25, null]);
    const byModel = teamSeries(response(cells), 'model');
    assert.deepEqual(byModel.groups, ['claude-sonnet-4', 'gpt-4.1']);
    // gpt-4.1 on day 1: copilot 10 edits at 80 + cursor 30 at 60 -> (800 + 1800) / 40.
    assert.equal(byModel.values.score['gpt-4.1']![0], 65);
    assert.deepEqual(byModel.values.edits['gpt-4.1'], [40, 5, null]);
    const byVersion = teamSeries(response(cells), 'version');
    assert.deepEqual(byVersion.groups, ['copilot 1.250.0', 'cursor (unknown version)', 'cursor 0.48.1', 'cursor 0.48.2']);
    assert.deepEqual(byVersion.values.score['cursor 0.48.2'], [null, 90, null]);
    assert.equal(byVersion.values.acceptance['cursor 0.48.1']![0], 28 / 30);
    for (const s of [byAssistant, byModel, byVersion]) assert.deepEqual(s.members, [7, null, null]);
  });

  it('pools ARC at 5 minutes exactly (retained over accepted characters), and shows no ARC where no member measured it', () => {
    const s = teamSeries(
      response([
        cell('2026-03-01', 'copilot', '1.250.0', 'gpt-4.1', 10, 80, [1000, 800]),
        cell('2026-03-01', 'copilot', '1.251.0', 'gpt-4.1', 10, 80, [3000, 1200]),
        cell('2026-03-02', 'copilot', '1.251.0', 'gpt-4.1', 10, 80),
      ]),
    );
    // (800 + 1200) / (1000 + 3000), not the mean of 80 % and 40 %.
    assert.deepEqual(s.values.arc['copilot'], [0.5, null, null]);
    assert.deepEqual(teamSeries(response([cell('2026-03-01', 'copilot', '1.250.0', 'gpt-4.1', 10, 80, [1000, 800])]), 'version').values.arc['copilot 1.250.0'], [0.8, null, null]);
  });

  it('names a missing model or version instead of merging it silently', () => {
    assert.equal(breakdownKey({ assistant: 'a', assistantVersion: '', model: '' }, 'model'), '(unknown model)');
    assert.equal(breakdownKey({ assistant: 'a', assistantVersion: '', model: '' }, 'version'), 'a (unknown version)');
  });
});
