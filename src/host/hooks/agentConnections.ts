/**
 * "Driftwatch: Connect Claude Code / Cursor" and their Disconnect counterparts: write (or remove) the agent's hook
 * configuration for one workspace folder, after a modal dialog that shows exactly what will be written. Refused in
 * untrusted workspaces (the configuration makes the agent run a command).
 */
import * as vscode from 'vscode';
import { AGENT_CONFIG_FILES, AGENT_NAMES, connectConfig, disconnectConfig, hookCommand, isConnected, type AgentId } from '../../core/hooks/agentConfig.js';
import type { Logger } from '../logger.js';
import type { HookPlatform } from './hookPlatform.js';

/** Asks the user; resolves true to go ahead. Tests pass their own. */
export type Confirm = (message: string, detail: string, button: string) => Promise<boolean>;

export const modalConfirm: Confirm = async (message, detail, button) => (await vscode.window.showInformationMessage(message, { modal: true, detail }, button)) === button;

export class AgentConnections {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly platform: HookPlatform,
    private readonly spoolDir: (folder: vscode.WorkspaceFolder) => string,
    private readonly logger: Logger,
  ) {}

  /** Writes the agent's hook configuration in `folder`. Resolves to what happened, for the caller to show. */
  async connect(agent: AgentId, folder: vscode.WorkspaceFolder, confirm: Confirm = modalConfirm): Promise<'connected' | 'unchanged' | 'cancelled' | 'refused'> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(`Driftwatch does not connect ${AGENT_NAMES[agent]} in an untrusted workspace: the hook configuration makes the agent run a command.`);
      return 'refused';
    }
    const storage = this.context.globalStorageUri.fsPath;
    const script = await this.platform.installHookScript(this.context.extensionUri.fsPath, storage);
    const spool = this.platform.spoolFor(storage, folder.uri.toString());
    await spool.ensure();
    const target = vscode.Uri.joinPath(folder.uri, AGENT_CONFIG_FILES[agent]);
    const existing = await readOptional(target);
    const result = connectConfig(agent, existing, hookCommand(this.platform.shell, script, spool.dir, agent));
    if (!result.ok) {
      void vscode.window.showErrorMessage(`Driftwatch cannot change ${AGENT_CONFIG_FILES[agent]}: ${result.reason}. Nothing was written.`);
      return 'refused';
    }
    if (!result.changed) return 'unchanged';
    const ok = await confirm(
      `Connect ${AGENT_NAMES[agent]} to Driftwatch in "${folder.name}"?`,
      `Driftwatch will write ${AGENT_CONFIG_FILES[agent]} as follows (your other settings are kept; Disconnect removes only these hooks):\n\n${result.text}`,
      'Connect',
    );
    if (!ok) return 'cancelled';
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    this.logger.info(`hooks: ${AGENT_NAMES[agent]} connected in ${folder.name} (${AGENT_CONFIG_FILES[agent]})`);
    return 'connected';
  }

  /** Removes Driftwatch's hooks from the agent's configuration in `folder`, keeping everything else. */
  async disconnect(agent: AgentId, folder: vscode.WorkspaceFolder): Promise<'disconnected' | 'unchanged' | 'refused'> {
    const target = vscode.Uri.joinPath(folder.uri, AGENT_CONFIG_FILES[agent]);
    const existing = await readOptional(target);
    const result = disconnectConfig(agent, existing);
    if (!result.ok) {
      void vscode.window.showErrorMessage(`Driftwatch cannot change ${AGENT_CONFIG_FILES[agent]}: ${result.reason}. Nothing was written.`);
      return 'refused';
    }
    if (!result.changed) return 'unchanged';
    // A file that held nothing but Driftwatch's hooks is removed, as if it had never been written.
    const rest = JSON.parse(result.text) as Record<string, unknown>;
    const empty = Object.keys(rest).length === 0 || (agent === 'cursor' && Object.keys(rest).length === 1 && rest['version'] === 1);
    if (empty) await vscode.workspace.fs.delete(target);
    else await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    this.logger.info(`hooks: ${AGENT_NAMES[agent]} disconnected in ${folder.name}`);
    return 'disconnected';
  }

  /** Which agents are connected, per workspace folder. */
  async status(): Promise<{ folder: vscode.WorkspaceFolder; agents: AgentId[] }[]> {
    const out: { folder: vscode.WorkspaceFolder; agents: AgentId[] }[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const agents: AgentId[] = [];
      for (const agent of Object.keys(AGENT_CONFIG_FILES) as AgentId[]) {
        if (isConnected(agent, await readOptional(vscode.Uri.joinPath(folder.uri, AGENT_CONFIG_FILES[agent])))) agents.push(agent);
      }
      out.push({ folder, agents });
    }
    return out;
  }
}

async function readOptional(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Registers the connect/disconnect/status commands. */
export function registerAgentCommands(connections: AgentConnections, counts: () => { records: number; rejected: number }): vscode.Disposable[] {
  // The commands' `when` clause: the extension host runs Node (desktop, remote, code-server — also when the workbench
  // is a browser page, where `isWeb` is true and would hide them although they work).
  void vscode.commands.executeCommand('setContext', 'driftwatch.hooksAvailable', true);
  const pickFolder = async (): Promise<vscode.WorkspaceFolder | undefined> => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) {
      if (folders.length === 0) void vscode.window.showInformationMessage('Driftwatch: open a folder first; agent hooks are connected per workspace folder.');
      return folders[0];
    }
    return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder to connect' });
  };
  const connect = (agent: AgentId) => async (): Promise<void> => {
    const folder = await pickFolder();
    if (!folder) return;
    const r = await connections.connect(agent, folder);
    if (r === 'connected') void vscode.window.showInformationMessage(`Driftwatch: ${AGENT_NAMES[agent]} is connected in "${folder.name}". Its edits and rejected proposals are recorded from its next session.`);
    else if (r === 'unchanged') void vscode.window.showInformationMessage(`Driftwatch: ${AGENT_NAMES[agent]} was already connected in "${folder.name}".`);
  };
  const disconnect = (agent: AgentId) => async (): Promise<void> => {
    const folder = await pickFolder();
    if (!folder) return;
    const r = await connections.disconnect(agent, folder);
    if (r !== 'refused') void vscode.window.showInformationMessage(r === 'disconnected' ? `Driftwatch: ${AGENT_NAMES[agent]} disconnected in "${folder.name}".` : `Driftwatch: ${AGENT_NAMES[agent]} was not connected in "${folder.name}".`);
  };
  return [
    vscode.commands.registerCommand('driftwatch.hooks.connectClaudeCode', connect('claude-code')),
    vscode.commands.registerCommand('driftwatch.hooks.connectCursor', connect('cursor')),
    vscode.commands.registerCommand('driftwatch.hooks.disconnectClaudeCode', disconnect('claude-code')),
    vscode.commands.registerCommand('driftwatch.hooks.disconnectCursor', disconnect('cursor')),
    vscode.commands.registerCommand('driftwatch.hooks.status', async () => {
      const status = await connections.status();
      const c = counts();
      const lines = status.map((s) => `${s.folder.name}: ${s.agents.length > 0 ? s.agents.map((a) => AGENT_NAMES[a]).join(', ') : 'no agent connected'}`);
      void vscode.window.showInformationMessage(`Driftwatch agent hooks — ${lines.join('; ') || 'no workspace folder'}. Records read this session: ${c.records}, rejected: ${c.rejected}.`, { modal: true });
    }),
  ];
}
