console.log('scorm-player');
