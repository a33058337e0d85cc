// This feature's strings load with its page, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { searchEn } from './en';
import { searchKo } from './ko';

export const useSearchI18n = featureI18n(searchKo, searchEn);
