// This feature's strings load with its pages, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { profileEn } from './en';
import { profileKo } from './ko';

export const useProfileI18n = featureI18n(profileKo, profileEn);
