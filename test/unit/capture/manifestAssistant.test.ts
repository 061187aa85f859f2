import { strict as assert } from 'node:assert';
import { recogniseFromManifest } from '../../../src/core/capture/manifestAssistant.js';

describe('recogniseFromManifest', () => {
  it('an extension in the AI / Chat categories with a chat participant: chat and agent, under its extension id', () => {
    const r = recogniseFromManifest('Acme.Helper', {
      categories: ['AI', 'Chat'],
      contributes: { chatParticipants: [{ id: 'acme.helper', name: 'helper' }] },
    });
    assert.deepEqual(r, { assistant: 'acme.helper', capabilities: ['agent', 'chat'], signals: ['category:AI', 'category:Chat', 'chatParticipants'] });
  });

  it('a chat participant alone is enough', () => {
    assert.deepEqual(recogniseFromManifest('x.y', { contributes: { chatParticipants: [{ id: 'p' }] } })?.capabilities, ['agent', 'chat']);
  });

  it('language-model providers, tools and MCP server definitions serve agents', () => {
    for (const point of ['languageModels', 'languageModelChatProviders', 'languageModelTools', 'mcpServerDefinitionProviders']) {
      const r = recogniseFromManifest('x.y', { contributes: { [point]: [{ id: 'a' }] } });
      assert.deepEqual(r?.capabilities, ['agent'], point);
      assert.deepEqual(r?.signals, [point]);
    }
  });

  it('inline completions only with a specific hint: the proposal, or the words in keywords / description', () => {
    assert.deepEqual(recogniseFromManifest('x.y', { enabledApiProposals: ['inlineCompletionsAdditions'] })?.capabilities, ['inline']);
    assert.deepEqual(recogniseFromManifest('x.y', { categories: ['AI'], keywords: ['autocomplete'] })?.capabilities, ['agent', 'chat', 'inline']);
    assert.deepEqual(recogniseFromManifest('x.y', { categories: ['AI'], description: 'Inline completions from your own model' })?.capabilities, ['agent', 'chat', 'inline']);
    assert.deepEqual(recogniseFromManifest('x.y', { categories: ['AI'], keywords: ['ai', 'copilot'] })?.capabilities, ['agent', 'chat']);
  });

  it('keywords alone, other categories and empty contribution lists do not make an assistant', () => {
    assert.equal(recogniseFromManifest('driftwatch.driftwatch', { categories: ['Other', 'Linters'], keywords: ['ai', 'copilot', 'autocomplete'] }), undefined);
    assert.equal(recogniseFromManifest('x.y', { contributes: { chatParticipants: [], languageModelTools: [] } }), undefined);
  });

  it('never throws on a hostile manifest', () => {
    for (const m of [null, undefined, 42, 'str', [], { categories: 'AI' }, { categories: [1, null, {}] }, { contributes: 'x' }, { contributes: { chatParticipants: 'yes' } }, { enabledApiProposals: [null] }]) {
      assert.doesNotThrow(() => recogniseFromManifest('x.y', m));
    }
    assert.equal(recogniseFromManifest('x.y', { categories: 'AI' }), undefined);
  });
});
