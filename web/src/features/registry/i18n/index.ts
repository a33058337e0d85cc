import { featureI18n } from '../../../i18n';
import { registryEn } from './en';
import { registryKo } from './ko';

/** The registry-editing pages' strings over the shared ones. */
export const useRegistryI18n = featureI18n(registryKo, registryEn);
