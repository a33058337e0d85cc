/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_TYPES,
  AGENCY_KINDS,
  API_KEY_SCOPES,
  API_KEY_STATUSES,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  CLUSTER_STATUSES,
  INSTRUMENTS,
  ISSUE_CATEGORIES,
  ISSUE_PRIORITIES,
  ISSUE_STATUSES,
  OVERDUE_KINDS,
  RECORD_STATUSES,
  REGIONS,
  ROLES,
  SECTORS,
  USER_STATUSES,
} from '../api/enums';
import { PERMISSIONS } from '../lib/permissions';
import {
  AGENDA_KINDS,
  AGENDA_VISIBILITIES,
  ATTENDANCE_STATUSES,
  DECISION_OUTCOMES,
  FOLLOW_UP_STATES,
  MEETING_KINDS,
  MEETING_STATES,
} from '../api/enums';
import { councilEn } from '../features/council/i18n/en';
import { councilKo } from '../features/council/i18n/ko';
import { followUpsEn } from '../features/follow-ups/i18n/en';
import { homeEn } from '../features/home/i18n/en';
import { homeKo } from '../features/home/i18n/ko';
import { followUpsKo } from '../features/follow-ups/i18n/ko';
import { meetingsEn } from '../features/meetings/i18n/en';
import { meetingsKo } from '../features/meetings/i18n/ko';
import { registryEn } from '../features/registry/i18n/en';
import { registryKo } from '../features/registry/i18n/ko';
import { notificationsEn } from '../features/notifications/i18n/en';
import { notificationsKo } from '../features/notifications/i18n/ko';
import { SEAT_SECTIONS } from '../features/council/council';
import { en } from './en';
import { ko } from './ko';
import {
  DEFAULT_LANG,
  LANG_STORAGE_KEY,
  createLanguageStore,
  displayName,
  format,
  secondaryName,
  type StorageLike,
} from './language';

/** Every leaf of a dictionary as a dotted path, with its value. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const [leaf, leafValue] of leaves(child, prefix ? `${prefix}.${key}` : key)) result.set(leaf, leafValue);
    }
  } else {
    result.set(prefix, value);
  }
  return result;
}

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const storage: StorageLike = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
  return { storage, data };
}

describe('dictionaries', () => {
  it('ko and en have exactly the same keys', () => {
    expect([...leaves(en).keys()].sort()).toEqual([...leaves(ko).keys()].sort());
  });

  it('every entry is a non-empty string in both languages', () => {
    for (const dictionary of [ko, en]) {
      for (const [key, value] of leaves(dictionary)) {
        expect(typeof value, key).toBe('string');
        expect((value as string).trim().length, key).toBeGreaterThan(0);
      }
    }
  });

  it('placeholders match between the languages', () => {
    const enLeaves = leaves(en);
    for (const [key, value] of leaves(ko)) {
      const names = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(enLeaves.get(key)), key).toEqual(names(value));
    }
  });

  it('has a label for every enum value of the API, in both languages', () => {
    for (const dictionary of [ko, en]) {
      expect(Object.keys(dictionary.regions).sort()).toEqual([...REGIONS].sort());
      expect(Object.keys(dictionary.agencyKinds).sort()).toEqual([...AGENCY_KINDS].sort());
      expect(Object.keys(dictionary.sectors).sort()).toEqual([...SECTORS].sort());
      expect(Object.keys(dictionary.clusterStatuses).sort()).toEqual([...CLUSTER_STATUSES].sort());
      expect(Object.keys(dictionary.recordStatuses).sort()).toEqual([...RECORD_STATUSES].sort());
      expect(Object.keys(dictionary.roles).sort()).toEqual([...ROLES].sort());
      expect(Object.keys(dictionary.userStatuses).sort()).toEqual([...USER_STATUSES].sort());
      expect(Object.keys(dictionary.apiKeyScopes).sort()).toEqual([...API_KEY_SCOPES].sort());
      expect(Object.keys(dictionary.apiKeyScopeHints).sort()).toEqual([...API_KEY_SCOPES].sort());
      expect(Object.keys(dictionary.apiKeyStatuses).sort()).toEqual([...API_KEY_STATUSES].sort());
      expect(Object.keys(dictionary.actorTypes).sort()).toEqual([...ACTOR_TYPES].sort());
      expect(Object.keys(dictionary.entityTypes).sort()).toEqual([...AUDIT_ENTITY_TYPES].sort());
      expect(Object.keys(dictionary.auditActions).sort()).toEqual([...AUDIT_ACTIONS].sort());
      expect(Object.keys(dictionary.permissions).sort()).toEqual([...PERMISSIONS].sort());
      expect(Object.keys(dictionary.issueStatuses).sort()).toEqual([...ISSUE_STATUSES].sort());
      expect(Object.keys(dictionary.issueCategories).sort()).toEqual([...ISSUE_CATEGORIES].sort());
      expect(Object.keys(dictionary.issuePriorities).sort()).toEqual([...ISSUE_PRIORITIES].sort());
      expect(Object.keys(dictionary.instruments).sort()).toEqual([...INSTRUMENTS].sort());
      expect(Object.keys(dictionary.overdueKinds).sort()).toEqual([...OVERDUE_KINDS].sort());
    }
  });

  it('names the workflow moves as the council does', () => {
    expect(ko.moves).toMatchObject({
      assign: '배정',
      accept: '수용',
      partiallyAccept: '일부 수용',
      longTermReview: '장기 검토',
      refuse: '불수용',
      rereview: '재검토',
      start: '추진',
      complete: '완료',
      withdraw: '철회',
    });
  });

  it('names the 17 regions by their official Korean names', () => {
    expect(REGIONS.map((region) => ko.regions[region])).toEqual([
      '서울특별시', '부산광역시', '대구광역시', '인천광역시', '광주광역시', '대전광역시', '울산광역시',
      '세종특별자치시', '경기도', '강원특별자치도', '충청북도', '충청남도', '전북특별자치도', '전라남도',
      '경상북도', '경상남도', '제주특별자치도',
    ]);
  });

  it('views hold no Korean text of their own: it all comes from the dictionaries', () => {
    const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) {
          if (entry !== 'i18n') walk(full);
        } else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) && entry !== 'client.ts') {
          // Comments may quote Korean terms; code may not.
          const code = readFileSync(full, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
          if (/[\u3131-\u318e\uac00-\ud7a3]/.test(code)) offenders.push(path.relative(srcDir, full));
        }
      }
    };
    walk(srcDir);
    expect(offenders).toEqual([]);
  });
});

// The council's pages bring their own strings (loaded with them, not with the first screen): the same checks.
describe('dictionaries loaded with their pages', () => {
  const pairs = [
    ['council', councilKo, councilEn],
    ['meetings', meetingsKo, meetingsEn],
    ['follow-ups', followUpsKo, followUpsEn],
    ['registry', registryKo, registryEn],
    ['notifications', notificationsKo, notificationsEn],
    ['home', homeKo, homeEn],
  ] as const;

  it.each(pairs)('%s: the same keys, every entry a non-empty string, the same placeholders', (_, koDict, enDict) => {
    const koLeaves = leaves(koDict);
    const enLeaves = leaves(enDict);
    expect([...enLeaves.keys()].sort()).toEqual([...koLeaves.keys()].sort());
    const names = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of koLeaves) {
      for (const v of [value, enLeaves.get(key)]) expect(typeof v === 'string' && v.trim().length > 0, key).toBe(true);
      expect(names(enLeaves.get(key)), key).toEqual(names(value));
    }
  });

  it('overrides none of the shared strings', () => {
    for (const [, koDict] of pairs) for (const key of Object.keys(koDict)) expect(Object.keys(ko), key).not.toContain(key);
  });

  it('has a label for every enum value of the council’s API', () => {
    for (const d of [{ ...meetingsKo, ...followUpsKo, ...councilKo }, { ...meetingsEn, ...followUpsEn, ...councilEn }]) {
      expect(Object.keys(d.meetingStates).sort()).toEqual([...MEETING_STATES].sort());
      expect(Object.keys(d.meetingMoves).sort()).toEqual([...MEETING_STATES].sort());
      expect(Object.keys(d.meetingKinds).sort()).toEqual([...MEETING_KINDS].sort());
      expect(Object.keys(d.agendaKinds).sort()).toEqual([...AGENDA_KINDS].sort());
      expect(Object.keys(d.agendaVisibilities).sort()).toEqual([...AGENDA_VISIBILITIES].sort());
      expect(Object.keys(d.decisionOutcomes).sort()).toEqual([...DECISION_OUTCOMES].sort());
      expect(Object.keys(d.attendanceStatuses).sort()).toEqual([...ATTENDANCE_STATUSES].sort());
      expect(Object.keys(d.followUpStates).sort()).toEqual([...FOLLOW_UP_STATES].sort());
      expect(Object.keys(d.followUpMoves).sort()).toEqual([...FOLLOW_UP_STATES].sort());
      expect(Object.keys(d.seatSections).sort()).toEqual([...SEAT_SECTIONS].sort());
    }
  });
});

describe('language choice', () => {
  it('defaults to Korean and says so on <html lang>', () => {
    const root = { lang: '' };
    const store = createLanguageStore(memoryStorage().storage, root);
    expect(DEFAULT_LANG).toBe('ko');
    expect(store.get()).toBe('ko');
    expect(root.lang).toBe('ko');
  });

  it('toggling persists to localStorage, sets <html lang> and tells subscribers', () => {
    const { storage, data } = memoryStorage();
    const root = { lang: '' };
    const store = createLanguageStore(storage, root);
    let notified = 0;
    store.subscribe(() => notified++);

    store.toggle();

    expect(store.get()).toBe('en');
    expect(data.get(LANG_STORAGE_KEY)).toBe('en');
    expect(root.lang).toBe('en');
    expect(notified).toBe(1);

    // A new page load (a new store over the same storage) keeps English.
    expect(createLanguageStore(storage, { lang: '' }).get()).toBe('en');

    store.toggle();
    expect(data.get(LANG_STORAGE_KEY)).toBe('ko');
  });

  it('ignores an unknown stored value', () => {
    expect(createLanguageStore(memoryStorage({ [LANG_STORAGE_KEY]: 'fr' }).storage).get()).toBe('ko');
  });

  it('still works when storage is unavailable', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const store = createLanguageStore(broken);
    expect(store.get()).toBe('ko');
    store.toggle();
    expect(store.get()).toBe('en');
  });
});

describe('names and formatting', () => {
  const osong = { nameKo: '오송첨단의료복합단지', nameEn: 'Osong Advanced Medical Complex' };

  it('shows Korean names in Korean and English names in English', () => {
    expect(displayName('ko', osong)).toBe('오송첨단의료복합단지');
    expect(displayName('en', osong)).toBe('Osong Advanced Medical Complex');
    expect(secondaryName('ko', osong)).toBe('Osong Advanced Medical Complex');
    expect(secondaryName('en', osong)).toBe('오송첨단의료복합단지');
  });

  it('falls back to the Korean name when there is no English one', () => {
    expect(displayName('en', { nameKo: '교육부', nameEn: null })).toBe('교육부');
    expect(displayName('en', { nameKo: '교육부', nameEn: '  ' })).toBe('교육부');
    expect(secondaryName('en', { nameKo: '교육부', nameEn: null })).toBeUndefined();
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(ko.common.totalCount, { shown: 6, total: 17 })).toBe('전체 17건 중 6건');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
