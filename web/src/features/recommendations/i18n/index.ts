// This feature's strings load with its pages, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { recommendationsEn } from './en';
import { recommendationsKo } from './ko';

export const useRecommendationsI18n = featureI18n(recommendationsKo, recommendationsEn);
