// The print view's button: window.print() (no inline handler: the content-security policy allows none).
document.getElementById('print-now').addEventListener('click', function (e) { e.preventDefault(); window.print(); });
