// This feature's strings load with its pages, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';
import { councilEn } from './en';
import { councilKo } from './ko';

export const useCouncilI18n = featureI18n(councilKo, councilEn);
