function render() {}
