// This feature's strings load with its pages, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { homeEn } from './en';
import { homeKo } from './ko';

export const useHomeI18n = featureI18n(homeKo, homeEn);
