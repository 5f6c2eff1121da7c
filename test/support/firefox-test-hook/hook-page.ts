/** Path of the test hook page inside the Firefox test build. */
export const TEST_HOOK_PAGE = "test/support/firefox-test-hook/hook.html";
