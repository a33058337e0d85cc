/** Saved views' strings in Korean; en.ts has the same keys. Loaded with the list pages (featureI18n). */
export const savedViewsKo = {
  savedViews: {
    label: '저장한 보기',
    button: '저장한 보기',
    count: '저장한 보기 ({count})',
    none: '저장한 보기가 없습니다. 지금의 조건에 이름을 붙여 저장하면 어느 기기에서나 다시 열 수 있습니다.',
    open: '열기',
    delete: '삭제',
    deleteLabel: '‘{name}’ 보기 삭제',
    saveLegend: '지금의 조건 저장',
    name: '보기 이름',
    namePlaceholder: '예: 우리 부처 기한 경과',
    save: '저장',
    saved: '‘{name}’(으)로 저장했습니다.',
    problems: {
      empty: '이름을 입력하십시오.',
      long: '이름은 60자까지입니다.',
      taken: '같은 이름의 보기가 이미 있습니다.',
    },
    full: '보기는 50개까지 저장할 수 있습니다.',
  },
};
