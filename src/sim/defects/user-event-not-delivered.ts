import { withholdingDefect } from './server-defect.js';

export const defect = withholdingDefect({
  name: 'user-event-not-delivered',
  does: 'RequestDistributeUserEvent is acknowledged but no EventUserEvent reaches the clients registered on ThisDN.',
  breaks: 'EventUserEvent.description.0',
  withholds: 'EventUserEvent',
});
