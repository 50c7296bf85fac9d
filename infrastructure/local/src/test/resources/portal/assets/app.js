console.log("zhidian");
