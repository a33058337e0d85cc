/** The holiday calendar's strings in Korean; en.ts has the same keys. */
export const holidaysKo = {
  holidays: {
    title: '공휴일 달력',
    intro: '근무일 기준 기한은 이 달력의 공휴일(대체공휴일 포함)과 주말을 빼고 셉니다. 2025–2027년은 우주항공청 월력요항, 2028년은 관공서의 공휴일에 관한 규정으로 미리 넣었습니다. 임시공휴일은 여기에 추가하세요.',
    year: '연도',
    columns: { on: '날짜', name: '이름', source: '출처', actions: '작업' },
    sources: { kasi_calendar: '월력요항', rules: '규정으로 산정(확인 필요)', secretariat: '사무국 추가' },
    add: '공휴일 추가',
    on: '날짜',
    nameKo: '이름(국문)',
    nameEn: '이름(영문)',
    save: '추가',
    remove: '삭제',
    removeConfirm: '{date} {name}을(를) 공휴일 달력에서 뺄까요?',
    empty: '이 해에 등록된 공휴일이 없습니다.',
    added: '공휴일을 추가했습니다.',
  },
};
