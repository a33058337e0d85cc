// This feature's strings load with the list pages, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { savedViewsEn } from './en';
import { savedViewsKo } from './ko';

export const useSavedViewsI18n = featureI18n(savedViewsKo, savedViewsEn);
