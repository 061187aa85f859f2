document.body.dataset['driftwatch'] = 'booting';
