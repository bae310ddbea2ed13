package io.github.neurospringboot.test;

import java.beans.PropertyChangeListener;

import org.apache.catalina.Context;
import org.apache.catalina.Loader;
import org.jspecify.annotations.Nullable;

/**
 * The embedded Neuro's Tomcat loads nothing of its own: its one endpoint is the kit's class. This loader hands Tomcat
 * the kit's class loader instead of a web application class loader, so there is nothing to reload and no leak
 * detection when the server stops (which warned, now and then, about the kit's own threads, and wanted
 * {@code --add-opens} to look for leaks in a web application that is not there).
 */
final class KitClassLoader implements Loader {

	private @Nullable Context context;

	@Override
	public ClassLoader getClassLoader() {
		return KitClassLoader.class.getClassLoader();
	}

	@Override
	public @Nullable Context getContext() {
		return this.context;
	}

	@Override
	public void setContext(@Nullable Context context) {
		this.context = context;
	}

	@Override
	public boolean getDelegate() {
		return true;
	}

	@Override
	public void setDelegate(boolean delegate) {
		// The kit's class loader has no classes of a web application to put first
	}

	@Override
	public boolean modified() {
		return false;
	}

	@Override
	public void backgroundProcess() {
	}

	@Override
	public void addPropertyChangeListener(PropertyChangeListener listener) {
	}

	@Override
	public void removePropertyChangeListener(PropertyChangeListener listener) {
	}

}
