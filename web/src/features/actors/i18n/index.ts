// This feature's strings load with its pages, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { actorsEn } from './en';
import { actorsKo } from './ko';

export const useActorsI18n = featureI18n(actorsKo, actorsEn);
