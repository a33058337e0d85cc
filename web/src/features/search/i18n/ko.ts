/** The search page's strings in Korean; en.ts has the same keys. */
export const searchKo = {
  search: {
    title: '통합 검색',
    label: '검색어',
    submit: '검색',
    hint: '두 글자 이상 입력하세요. 클러스터, 기관, 회의와 안건, 규제 개선 과제와 의견에서 찾습니다.',
    total: '{count}건',
    totalMore: '{count}건 이상',
    empty: '검색 결과가 없습니다.',
    results: '검색 결과',
    unindexed: '최근 한꺼번에 바뀐 {count}건은 색인하는 중이라 아직 검색되지 않습니다. 몇 분 뒤 다시 검색해 보세요.',
    kinds: {
      cluster: '클러스터',
      agency: '기관',
      meeting: '회의',
      agenda_item: '회의 안건',
      regulatory_issue: '규제 개선 과제',
      issue_comment: '과제 의견',
    },
  },
};
