// This feature's strings load with its pages, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { followUpsEn } from './en';
import { followUpsKo } from './ko';

export const useFollowUpsI18n = featureI18n(followUpsKo, followUpsEn);
