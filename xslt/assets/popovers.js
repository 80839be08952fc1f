/* Mentions, speakers, values and corrections as disclosure popovers (an enhancement: without it CSS
   shows each tip on hover and focus). */
(function () {
  "use strict";
})();
