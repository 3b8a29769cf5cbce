import type { TProjectAction, TProjectStatus } from '@tongxin/contracts';

/**
 * Who may take a step: the project's own organization ("owner"), an organization above it in the network
 * that supervises it ("above"), or either.
 */
export type Party = 'owner' | 'above' | 'either';

export type Transition = {
  from: readonly TProjectStatus[];
  /** The state reached; `resume` returns to the state the project was suspended from. */
  to: TProjectStatus | 'suspended_from';
  by: Party;
  needsReason: boolean;
};

/** States in which a project is under way and may be suspended or terminated. */
export const ACTIVE: readonly TProjectStatus[] = ['submitted', 'approved', 'in_progress', 'completed', 'accepted'];

/**
 * The lifecycle: 申报 → 立项 (or back to draft with a reason) → 实施 → 完工 → 验收 (or back to 实施) → 结项;
 * suspended from any active state and resumed where it was; terminated from any active or suspended state.
 */
export const TRANSITIONS: Readonly<Record<TProjectAction, Transition>> = {
  submit: { from: ['draft'], to: 'submitted', by: 'owner', needsReason: false },
  approve: { from: ['submitted'], to: 'approved', by: 'above', needsReason: false },
  reject: { from: ['submitted'], to: 'draft', by: 'above', needsReason: true },
  start: { from: ['approved'], to: 'in_progress', by: 'owner', needsReason: false },
  complete: { from: ['in_progress'], to: 'completed', by: 'owner', needsReason: false },
  accept: { from: ['completed'], to: 'accepted', by: 'above', needsReason: false },
  fail_acceptance: { from: ['completed'], to: 'in_progress', by: 'above', needsReason: true },
  close: { from: ['accepted'], to: 'closed', by: 'owner', needsReason: false },
  suspend: { from: ACTIVE, to: 'suspended', by: 'either', needsReason: true },
  resume: { from: ['suspended'], to: 'suspended_from', by: 'either', needsReason: false },
  terminate: { from: [...ACTIVE, 'suspended'], to: 'terminated', by: 'above', needsReason: true },
};

const ACTIONS = Object.keys(TRANSITIONS) as TProjectAction[];

/** The actions the state allows, whoever asks. */
export function actionsFrom(status: TProjectStatus): TProjectAction[] {
  return ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
}

export function partyMayAct(by: Party, relation: { isOwner: boolean; isAbove: boolean }): boolean {
  switch (by) {
    case 'owner':
      return relation.isOwner;
    case 'above':
      return relation.isAbove;
    case 'either':
      return relation.isOwner || relation.isAbove;
  }
}

/** The actions this actor may take now. */
export function allowedActions(
  status: TProjectStatus,
  relation: { isOwner: boolean; isAbove: boolean },
): TProjectAction[] {
  return actionsFrom(status).filter((action) => partyMayAct(TRANSITIONS[action].by, relation));
}

export function targetStatus(action: TProjectAction, suspendedFrom: TProjectStatus | null): TProjectStatus {
  const to = TRANSITIONS[action].to;
  return to === 'suspended_from' ? (suspendedFrom ?? 'in_progress') : to;
}
