// This feature's strings load with its page, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { holidaysEn } from './en';
import { holidaysKo } from './ko';

export const useHolidaysI18n = featureI18n(holidaysKo, holidaysEn);
