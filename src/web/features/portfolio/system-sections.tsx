/**
 * Compatibility only: the system page's sections are one module each (roles-section,
 * contracts-section, integrations-section, sharing-section, history-section). Import from those;
 * this re-export is kept for branches written before the split and is to be removed once merged.
 */
export { RolesSection } from './roles-section.tsx';
export { ContractAlertTag, ContractsSection } from './contracts-section.tsx';
export { IntegrationDiagram, IntegrationTable, IntegrationsSection } from './integrations-section.tsx';
export { SharingSection } from './sharing-section.tsx';
export { HistorySection } from './history-section.tsx';
