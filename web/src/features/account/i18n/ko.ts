/** The account strings in Korean; en.ts has the same keys. Composed into src/i18n/ko.ts. */
export const accountKo = {
  account: {
    title: '내 계정',
    intro: '로그인한 계정의 정보와 이 계정으로 할 수 있는 일입니다.',
    profile: '계정 정보',
    username: '아이디',
    displayName: '이름',
    role: '역할',
    agency: '소속 기관',
    permissions: '권한',
    changePassword: '비밀번호 변경',
    changePasswordIntro: '비밀번호를 바꾸면 이 브라우저를 뺀 다른 곳의 로그인은 모두 끝납니다.',
    currentPassword: '현재 비밀번호',
    newPassword: '새 비밀번호',
    confirmPassword: '새 비밀번호 확인',
    mismatch: '새 비밀번호와 확인이 서로 다릅니다.',
    changed: '비밀번호를 변경했습니다.',
    submit: '비밀번호 변경',
  },
};
