console.log('webview');
