// The workflow's transition table: the single source for the machine, the reachability
// test, the README diagram and any console that shows which actions a case allows.
import type { CaseState, CommandType } from './case-model.ts';
import type { Role } from './codes.ts';

/** Every allowed move: from which state, by which command, to which state, by whom. */
export const TRANSITIONS: readonly {
  from: CaseState;
  command: CommandType;
  to: CaseState;
  roles: readonly Role[];
}[] = [
  { from: 'draft', command: 'submit-for-review', to: 'under-review', roles: ['regulator'] },
  {
    from: 'under-review',
    command: 'issue-notice',
    to: 'notice-issued',
    roles: ['regulator', 'supervisor'],
  },
  { from: 'under-review', command: 'decide', to: 'decided', roles: ['regulator', 'supervisor'] },
  { from: 'notice-issued', command: 'record-answer', to: 'carrier-answered', roles: ['carrier'] },
  {
    from: 'notice-issued',
    command: 'mark-deadline-passed',
    to: 'deadline-passed',
    roles: ['regulator', 'supervisor'],
  },
  {
    from: 'carrier-answered',
    command: 'decide',
    to: 'decided',
    roles: ['regulator', 'supervisor'],
  },
  { from: 'deadline-passed', command: 'decide', to: 'decided', roles: ['regulator', 'supervisor'] },
  { from: 'decided', command: 'appeal', to: 'appealed', roles: ['carrier'] },
  { from: 'decided', command: 'record-payment', to: 'paid', roles: ['regulator'] },
  { from: 'decided', command: 'close', to: 'closed', roles: ['regulator', 'supervisor'] },
  { from: 'appealed', command: 'decide-appeal', to: 'appeal-decided', roles: ['supervisor'] },
  { from: 'appeal-decided', command: 'record-payment', to: 'paid', roles: ['regulator'] },
  { from: 'appeal-decided', command: 'close', to: 'closed', roles: ['regulator', 'supervisor'] },
  { from: 'paid', command: 'close', to: 'closed', roles: ['regulator', 'supervisor'] },
];
